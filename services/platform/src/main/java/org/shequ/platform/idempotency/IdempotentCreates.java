package org.shequ.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.shequ.platform.security.Roles;
import org.shequ.platform.security.Sha256;

/**
 * {@code Idempotency-Key} on every create (draft-ietf-httpapi-idempotency-key-header), for the mobile app on a bad
 * network that sends a POST again because the answer never came:
 * <ul>
 *   <li>the same key and body within 24 hours get the first answer (status, Location, ETag, body) without the
 *   create running again, so no second row and no second event;</li>
 *   <li>the same key with another body is a 422; a retry while the first is still being handled is a 409 with
 *   {@code Retry-After};</li>
 *   <li>keys are scoped per caller (the token's subject), so one caller's key never answers another's request.</li>
 * </ul>
 * The key is claimed when the body is read (a {@link ReaderInterceptor}, so the body can be hashed and the
 * resource's own roles have already been checked); the answer is stored by the response filter once the create has
 * committed, or the claim given back when it failed. Anonymous requests and requests without the header are left
 * alone. A create whose process dies between its commit and the answer being stored is run again by a retry after
 * a minute: the window the draft leaves to the server.
 */
@Provider
public class IdempotentCreates implements ReaderInterceptor, ContainerResponseFilter {

    private static final String CLAIMED = IdempotentCreates.class.getName() + ".claimed";

    private final IdempotentRequests requests;
    private final SecurityIdentity identity;
    private final CurrentVertxRequest current;
    private final ObjectMapper json;

    public IdempotentCreates(IdempotentRequests requests, SecurityIdentity identity, CurrentVertxRequest current,
                             ObjectMapper json) {
        this.requests = requests;
        this.identity = identity;
        this.current = current;
        this.json = json;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        String header = context.getHeaders().getFirst(IdempotencyKey.HEADER);
        if (header == null || identity.isAnonymous()) {
            return context.proceed(); // every body read goes through here: the common case costs a header lookup
        }
        var request = current.getCurrent().request();
        if (!"POST".equals(request.method().name())) {
            return context.proceed();
        }
        String key = IdempotencyKey.parse(header);
        byte[] body = context.getInputStream().readAllBytes();
        context.setInputStream(new ByteArrayInputStream(body));
        String id = rowId(Roles.actor(identity), key);
        String requestHash = Sha256.hex((request.method().name() + " " + request.path() + "\n")
                .getBytes(StandardCharsets.UTF_8), body);
        IdempotentRequests.Claim claim = requests.claim(id, requestHash);
        if (claim instanceof IdempotentRequests.Claim.Answered answered) {
            throw new AnsweredBefore(answered.answer());
        }
        current.getCurrent().put(CLAIMED, id);
        return context.proceed();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String id = current.getCurrent() == null ? null : current.getCurrent().get(CLAIMED);
        if (id == null) {
            return;
        }
        current.getCurrent().remove(CLAIMED);
        if (response.getStatus() < 200 || response.getStatus() >= 300) {
            requests.release(id);
            return;
        }
        try {
            Object entity = response.getEntity();
            // a body written before (Open311's JSON or XML) is kept as it is; a view is kept as its JSON
            String body = entity == null ? null
                    : entity instanceof String text ? text : json.writeValueAsString(entity);
            requests.answered(id, response.getStatus(), response.getHeaderString(HttpHeaders.LOCATION),
                    response.getHeaderString(HttpHeaders.ETAG), response.getHeaderString(HttpHeaders.CONTENT_TYPE),
                    body);
        } catch (JsonProcessingException e) {
            requests.release(id); // an answer that cannot be kept is not replayed: the retry runs again
        }
    }

    /** The row of a caller's key: neither the caller nor the key is stored as such. */
    static String rowId(String caller, String key) {
        return Sha256.hex(caller + "\n" + key);
    }

    /** Thrown to end the request with the answer a retry gets ({@link Replays}); not a failure, no stack trace. */
    static final class AnsweredBefore extends RuntimeException {

        final transient IdempotentRequest stored;

        AnsweredBefore(IdempotentRequest stored) {
            super("answered before", null, false, false);
            this.stored = stored;
        }
    }
}
