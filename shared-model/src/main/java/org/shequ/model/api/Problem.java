package org.shequ.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.shequ.model.cloudevents.EventJson;

/**
 * RFC 9457 problem details, the body of every error response ({@code application/problem+json}).
 * {@code errors} lists every invalid field at once, so a form can mark them all in one round trip; {@code allowed}
 * (an extension member) lists the actions a resource allows now, on a 409 for an action it does not.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance, String requestId,
                      List<FieldError> errors, List<String> allowed) {

    public Problem(URI type, String title, int status, String detail, String instance, String requestId,
                   List<FieldError> errors) {
        this(type, title, status, detail, instance, requestId, errors, null);
    }

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "urn:shequ:problem:";

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /** For answers written straight to a Vert.x response, outside the JAX-RS layer (gateway, HTTP filters). */
    public String toJson() {
        return EventJson.write(this);
    }
}
