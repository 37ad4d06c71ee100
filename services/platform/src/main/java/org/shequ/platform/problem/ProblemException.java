package org.shequ.platform.problem;

import java.util.List;
import org.shequ.model.api.FieldError;

/**
 * A failure the client can act on, with the HTTP status and RFC 9457 type it maps to. Each domain rule gets its
 * own subclass so that a 409 or 412 is always a deliberate answer, never an accident of a generic handler.
 */
public abstract class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;

    protected ProblemException(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Seconds after which the same request is worth sending again ({@code Retry-After}); null when it is not. */
    public Integer retryAfterSeconds() {
        return null;
    }

    /** The actions allowed instead, for a refused action; null otherwise. */
    public List<String> allowed() {
        return null;
    }
}
