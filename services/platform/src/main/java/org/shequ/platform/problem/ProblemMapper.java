package org.shequ.platform.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.shequ.model.api.FieldError;
import org.shequ.model.api.Problem;
import org.shequ.platform.db.Outages;
import org.shequ.platform.json.UnacceptableTextException;
import org.shequ.platform.web.RequestIds;

/**
 * The one place where failures become RFC 9457 {@code application/problem+json}. Every mapper here answers with a
 * problem, so a client never has to parse an empty body or an HTML page, and bad input can never surface as a 500.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final AllowedMethods allowedMethods;

    public ProblemMapper(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response answer = respond(e.status(), e.slug(), e.title(), e.getMessage(), e.errors(), e.allowed());
        if (e.retryAfterSeconds() != null) {
            return Response.fromResponse(answer).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
        }
        return answer;
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return problem(new InvalidInputException(errors));
    }

    /**
     * Every Jackson failure, whether it arrives raw or wrapped by the JSON reader in a bare 400: the field it is
     * about and what that field must be. Messages are written here for clients; Jackson's own name Java classes.
     */
    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return problem(InvalidInputException.of(unknownFieldPath(unknown), "is not a field of this resource"));
        }
        if (e instanceof JsonMappingException mapping && !(e instanceof JsonParseException)) {
            String field = pathOf(mapping);
            if (field.isEmpty()) {
                return problem(InvalidInputException.of("body", "the body must be a JSON object of the documented shape"));
            }
            String message = mapping instanceof UnacceptableTextException
                    ? mapping.getOriginalMessage()
                    : mapping instanceof MismatchedInputException mismatch
                    ? expectation(mismatch.getTargetType())
                    : "has a value this field cannot take";
            return problem(InvalidInputException.of(field, message));
        }
        JsonLocation at = e.getLocation();
        return respond(400, "malformed-json", "Malformed JSON", "The body is not valid JSON"
                + (at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"),
                null);
    }

    /** Quarkus maps this subtype itself, as plain JSON; the more specific mapper here keeps it a problem. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonMappingException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return json(e);
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
        return problem(new StaleVersionException());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        // The JSON reader wraps Jackson's failures in a bare 400; unwrap them to name the field.
        if (e.getCause() instanceof JsonProcessingException cause) {
            return json(cause);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        Response.ResponseBuilder answer = Response.fromResponse(
                respond(status, title.toLowerCase().replace(' ', '-'), title, e.getMessage(), null));
        // 405 says what is allowed, 503 when to come back: the problem keeps the headers the status needs.
        for (String header : List.of(HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER)) {
            Object value = e.getResponse().getHeaders().getFirst(header);
            if (value != null) {
                answer.header(header, value);
            }
        }
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) == null) {
            String allow = allowedMethods.allowOn(uri.getRequestUri().getPath());
            if (!allow.isEmpty()) {
                answer.header(HttpHeaders.ALLOW, allow);
            }
        }
        return answer.build();
    }

    /**
     * The last resort. Database refusals that are the client's business (a stale version at commit, a duplicate
     * key, a broken reference, a value out of its column's range, lock contention) are recognised first, however
     * deeply wrapped; then a database that did not answer, which is a 503 to retry, not a fault of ours to report.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        Optional<ProblemException> conflict = DatabaseConflicts.in(e);
        if (conflict.isPresent()) {
            return problem(conflict.get());
        }
        if (Outages.isOutage(e)) {
            LOG.warnf("Database unavailable (request %s): %s", RequestIds.current(), Outages.rootMessage(e));
            return problem(new DatabaseUnavailableException());
        }
        LOG.errorf(e, "Unexpected failure (request %s)", RequestIds.current());
        return respond(500, "internal-error", "Internal error",
                "Something went wrong on our side; quote request id " + RequestIds.current() + " when reporting it", null);
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(respond(401, "unauthorized", "Unauthorized", detail, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    static Response respond(int status, String slug, String title, String detail, List<FieldError> errors) {
        return respond(status, slug, title, detail, errors, null);
    }

    static Response respond(int status, String slug, String title, String detail, List<FieldError> errors,
                            List<String> allowed) {
        Problem body = new Problem(Problem.type(slug), title, status, detail, null, RequestIds.current(), errors,
                allowed);
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

    /** The unknown field's own name ends its path, however Jackson reported the path up to it. */
    private static String unknownFieldPath(UnrecognizedPropertyException e) {
        String path = pathOf(e);
        String name = e.getPropertyName();
        if (path.equals(name) || path.endsWith("." + name)) {
            return path;
        }
        return path.isEmpty() ? name : path + "." + name;
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
        if (type == LocalDate.class) {
            return "must be a date as yyyy-MM-dd, e.g. 2024-11-25";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 date-time with offset, e.g. 2024-11-26T20:00:00+08:00";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
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
