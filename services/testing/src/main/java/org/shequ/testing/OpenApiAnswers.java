package org.shequ.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Whether an answer is the one an OpenAPI 3.1 document promises: the operation is documented, the status is one
 * it declares, and a body is of a declared media type and, for JSON, valid against the schema declared for that
 * status (networknt's validator, OpenAPI 3.1 dialect, the schema addressed by its JSON pointer inside the document so
 * that every {@code $ref} resolves as a generated client resolves it). Pure: no HTTP here.
 */
public final class OpenApiAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IRI = "https://shequ.invalid/openapi.json";

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final List<Template> templates = new ArrayList<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    public OpenApiAnswers(JsonNode document) {
        this.document = document;
        String text;
        try {
            text = JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON document", e);
        }
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), b -> b.schemas(Map.of(IRI, text)));
        document.path("paths").fieldNames().forEachRemaining(path -> templates.add(Template.of(path)));
        // a literal segment beats a template: /notices/affecting before /notices/{id}
        templates.sort(Comparator.comparingInt(Template::variables).thenComparing(Template::path));
    }

    /** What is wrong with this answer, one line each; empty when the document describes it. */
    public List<String> mismatches(String method, String path, int status, String contentType, String body) {
        String verb = method.toLowerCase(Locale.ROOT);
        Optional<Template> template = templates.stream().filter(t -> t.matches(path))
                .filter(t -> document.path("paths").path(t.path()).has(verb)).findFirst();
        String call = method.toUpperCase(Locale.ROOT) + " " + path + " → " + status;
        if (template.isEmpty()) {
            return List.of(call + ": no such operation in the document");
        }
        JsonNode responses = document.path("paths").path(template.get().path()).path(verb).path("responses");
        String code = String.valueOf(status);
        String declared = responses.has(code) ? code : responses.has(code.charAt(0) + "XX") ? code.charAt(0) + "XX"
                : responses.has("default") ? "default" : null;
        if (declared == null) {
            return List.of(call + ": status not declared (declared: " + names(responses) + ")");
        }
        JsonNode response = resolve(responses.get(declared));
        boolean hasBody = body != null && !body.isEmpty();
        JsonNode content = response.path("content");
        if (!hasBody) {
            return List.of();
        }
        String base = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String mediaType = null;
        for (Iterator<String> types = content.fieldNames(); types.hasNext(); ) {
            String candidate = types.next();
            String candidateBase = candidate.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (candidateBase.equals(base) || candidateBase.equals("*/*")) {
                mediaType = candidate;
                break;
            }
        }
        if (mediaType == null) {
            return List.of(call + ": a " + base + " body where the document declares " + names(content));
        }
        JsonNode schema = content.path(mediaType).path("schema");
        if (!base.endsWith("json")) {
            return List.of();
        }
        if (schema.isMissingNode() || schema.isEmpty()) {
            return List.of(call + ": the document gives " + mediaType + " no schema");
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return List.of(call + ": the body is not JSON");
        }
        String pointer = "/paths/" + escape(template.get().path()) + "/" + verb + "/responses/" + escape(declared)
                + "/content/" + escape(mediaType) + "/schema";
        if (responses.get(declared).has("$ref")) {
            String ref = responses.get(declared).get("$ref").asText();
            pointer = ref.substring(1) + "/content/" + escape(mediaType) + "/schema";
        }
        Schema compiled = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(IRI + "#" + p)));
        return compiled.validate(answer).stream().map(error -> call + ": " + error).toList();
    }

    /**
     * What a client generator could not type in the document, one line per operation: an answer with a body of no
     * schema, an operation that does not say who may call it (no {@code security}; public ones say
     * {@code security: []}), or a
     * {@code limit} that is not an integer.
     */
    public static List<String> gaps(JsonNode document) {
        List<String> gaps = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String operation = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            JsonNode body = op.getValue();
            if (!body.has("responses")) {
                return; // parameters or another path-level field
            }
            body.path("responses").fields().forEachRemaining(r -> r.getValue().path("content").fields()
                    .forEachRemaining(c -> {
                        if (c.getValue().path("schema").isEmpty()) {
                            gaps.add(operation + " → " + r.getKey() + " " + c.getKey() + ": no schema");
                        }
                    }));
            if (!body.has("security")) {
                gaps.add(operation + ": no security (public operations say security: [])");
            }
            body.path("parameters").forEach(parameter -> {
                if ("limit".equals(parameter.path("name").asText())
                        && !"integer".equals(parameter.path("schema").path("type").asText())) {
                    gaps.add(operation + ": limit is not an integer");
                }
            });
        }));
        return gaps;
    }

    private JsonNode resolve(JsonNode node) {
        if (node.has("$ref") && node.get("$ref").asText().startsWith("#/")) {
            return document.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private record Template(String path, Pattern pattern, int variables) {

        static Template of(String path) {
            StringBuilder regex = new StringBuilder();
            int variables = 0;
            for (String part : path.split("(?=\\{)|(?<=\\})")) {
                if (part.startsWith("{") && part.endsWith("}")) {
                    regex.append("[^/]+?");
                    variables++;
                } else {
                    regex.append(Pattern.quote(part));
                }
            }
            return new Template(path, Pattern.compile(regex.toString()), variables);
        }

        boolean matches(String actual) {
            return pattern.matcher(actual).matches();
        }
    }
}
