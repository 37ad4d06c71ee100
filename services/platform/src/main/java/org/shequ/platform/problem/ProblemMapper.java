package org.shequ.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.shequ.model.api.FieldError;
import org.shequ.model.api.Problem;
import org.shequ.platform.web.RequestIds;

/**
 * The one place where failures become RFC 9457 {@code application/problem+json}. Every mapper here answers with a
 * problem, so a client never has to parse an empty body or an HTML page, and bad input can never surface as a 500.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.status(), e.slug(), e.title(), e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return problem(new InvalidInputException(errors));
    }

    @ServerExceptionMapper
    public Response unreadableValue(InvalidFormatException e) {
        return problem(InvalidInputException.of(pathOf(e), expectation(e.getTargetType())));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = pathOf(e);
        return problem(InvalidInputException.of(field.isEmpty() ? "body" : field,
                field.isEmpty() ? "the body must be a JSON object" : expectation(e.getTargetType())));
    }

    @ServerExceptionMapper
    public Response unmappable(JsonMappingException e) {
        String field = pathOf(e);
        return problem(InvalidInputException.of(field.isEmpty() ? "body" : field, e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return respond(400, "malformed-json", "Malformed JSON",
                "The body is not valid JSON: " + e.getOriginalMessage(), null);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized("This action needs a bearer token");
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e) {
        return unauthorized("The bearer token is invalid or expired");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, "forbidden", "Forbidden", "Your role may not do this", null);
    }

    @ServerExceptionMapper
    public Response concurrentUpdate(OptimisticLockException e) {
        return respond(412, "stale-version", "Precondition failed",
                "Someone else changed this resource meanwhile; GET it again and retry with the new ETag", null);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        // The JSON reader wraps Jackson's failures in a bare 400; unwrap them to name the field.
        if (e.getCause() instanceof InvalidFormatException cause) {
            return unreadableValue(cause);
        }
        if (e.getCause() instanceof MismatchedInputException cause) {
            return mismatchedInput(cause);
        }
        if (e.getCause() instanceof JsonMappingException cause) {
            return unmappable(cause);
        }
        if (e.getCause() instanceof JsonProcessingException cause) {
            return malformed(cause);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        return respond(status, title.toLowerCase().replace(' ', '-'), title, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.errorf(e, "Unexpected failure (request %s)", RequestIds.current());
        return respond(500, "internal-error", "Internal error",
                "Something went wrong on our side; quote request id " + RequestIds.current() + " when reporting it", null);
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(respond(401, "unauthorized", "Unauthorized", detail, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    static Response respond(int status, String slug, String title, String detail, List<FieldError> errors) {
        Problem body = new Problem(Problem.type(slug), title, status, detail, null, RequestIds.current(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /**
     * {@code areas[0].road} from a Bean Validation path, without the method and parameter names of the resource; a
     * violation on the parameter itself (a missing body) is reported as {@code body}.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Iterator<Path.Node> it = violation.getPropertyPath().iterator(); it.hasNext(); ) {
            Path.Node node = it.next();
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expectation(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 date-time with offset, e.g. 2024-11-26T20:00:00+08:00";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        if (type == String.class) {
            return "must be a string";
        }
        return "must be a JSON object";
    }
}
