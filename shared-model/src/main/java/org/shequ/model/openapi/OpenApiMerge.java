package org.shequ.model.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One OpenAPI 3.1 document from the services' own and the gateway's: paths, tags and components side by side, with
 * what a client generator and a linter need and each service leaves out. Pure: the same input gives the same
 * document, so operation ids and schema names are stable from one release to the next.
 * <ul>
 *   <li>{@code operationId} from method and path where a service gave none: {@code POST /api/v1/grid/tasks/{id}/assign}
 *   is {@code postGridTasksByIdAssign};</li>
 *   <li>a schema name two services use for different shapes is prefixed with each service's name
 *   ({@code NoticesAreaDto}, {@code RenovationsAreaDto}) and their references rewritten;</li>
 *   <li>every operation answers its problems as {@code application/problem+json}, including the gateway's own 429
 *   and 503 with their headers, except a refusal a service describes in its own shape (Open311's error list); an
 *   operation without a description takes its summary;</li>
 *   <li>the bearer token is the default security; each public operation says {@code security: []};</li>
 *   <li>servers, contact, licence and the bearer scheme are the suite's.</li>
 * </ul>
 * The gateway serves it live ({@code /q/openapi}); {@link #main} makes the same document at build time from the
 * documents the services store when they are built, for the client generated in {@code deploy/e2e}.
 */
public final class OpenApiMerge {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiMerge() {
    }

    /** {@code OpenApiMerge OUT GATEWAY_JSON SERVER_URL name=file ...}: writes the merged document to OUT. */
    public static void main(String[] args) throws java.io.IOException {
        Map<String, JsonNode> services = new java.util.LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] named = args[i].split("=", 2);
            services.put(named[0], JSON.readTree(java.nio.file.Path.of(named[1]).toFile()));
        }
        JsonNode gateway = JSON.readTree(java.nio.file.Path.of(args[1]).toFile());
        java.nio.file.Path out = java.nio.file.Path.of(args[0]);
        java.nio.file.Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), merge(services, gateway, args[2]));
    }

    /** {@code services} in a fixed order (name → its document); {@code gateway} holds the gateway's own paths. */
    public static ObjectNode merge(Map<String, JsonNode> services, JsonNode gateway, String serverUrl) {
        Map<String, Set<String>> shapes = new HashMap<>();
        services.forEach((service, doc) -> doc.path("components").path("schemas").fields()
                .forEachRemaining(s -> shapes.computeIfAbsent(s.getKey(), k -> new HashSet<>())
                        .add(s.getValue().toString())));
        ObjectNode merged = JSON.createObjectNode();
        merged.put("openapi", "3.1.0");
        merged.set("info", info());
        ArrayNode servers = merged.putArray("servers");
        servers.addObject().put("url", serverUrl).put("description", "The Shequ gateway");
        Map<String, JsonNode> tags = new TreeMap<>();
        ObjectNode paths = JSON.createObjectNode();
        ObjectNode schemas = JSON.createObjectNode();
        add(gateway, "gateway", Map.of(), tags, paths, schemas);
        services.forEach((service, doc) -> {
            Map<String, String> renamed = new HashMap<>();
            doc.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
                if (shapes.get(name).size() > 1) {
                    renamed.put(name, pascal(service) + name);
                }
            });
            add(doc, service, renamed, tags, paths, schemas);
        });
        ArrayNode tagList = merged.putArray("tags");
        tags.values().forEach(tagList::add);
        merged.set("paths", sorted(paths));
        ObjectNode components = merged.putObject("components");
        components.set("responses", gateway.path("components").path("responses").deepCopy());
        components.set("schemas", sorted(reachable(schemas, List.of(merged.get("paths"), components.get("responses")))));
        merged.putArray("security").addObject().putArray("bearer"); // the default; public operations say []
        components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer")
                .put("bearerFormat", "JWT").put("description", "An RS256 token from the city's identity provider; "
                        + "roles in the groups claim");
        return merged;
    }

    private static void add(JsonNode doc, String service, Map<String, String> renamed, Map<String, JsonNode> tags,
                            ObjectNode paths, ObjectNode schemas) {
        JsonNode copy = rewriteRefs(doc.deepCopy(), renamed);
        copy.path("tags").forEach(tag -> tags.putIfAbsent(tag.path("name").asText(), describedTag(tag, service)));
        copy.path("components").path("schemas").fields().forEachRemaining(schema ->
                schemas.set(renamed.getOrDefault(schema.getKey(), schema.getKey()), schema.getValue()));
        copy.path("paths").fields().forEachRemaining(path -> {
            ObjectNode item = (ObjectNode) path.getValue();
            item.fields().forEachRemaining(op -> {
                if (METHODS.contains(op.getKey())) {
                    complete((ObjectNode) op.getValue(), op.getKey(), path.getKey(), tags, service);
                }
            });
            paths.set(path.getKey(), item);
        });
    }

    private static void complete(ObjectNode operation, String method, String path, Map<String, JsonNode> tags,
                                 String service) {
        if (!operation.hasNonNull("operationId")) {
            operation.put("operationId", operationId(method, path));
        }
        if (!operation.hasNonNull("description")) {
            operation.put("description", operation.path("summary").asText(method.toUpperCase(Locale.ROOT) + " " + path));
        }
        if (!operation.has("tags") || operation.path("tags").isEmpty()) {
            operation.putArray("tags").add(pascal(service));
        }
        operation.path("tags").forEach(tag -> tags.computeIfAbsent(tag.asText(), name -> {
            ObjectNode t = JSON.createObjectNode();
            return t.put("name", name).put("description", "Operations of the " + service + " service");
        }));
        ObjectNode responses = operation.has("responses") ? (ObjectNode) operation.get("responses")
                : operation.putObject("responses");
        responses.fields().forEachRemaining(r -> {
            if (!r.getKey().startsWith("4") && !r.getKey().startsWith("5")) {
                return;
            }
            if (r.getValue().has("content")) {
                // a refusal the service describes in its own shape (Open311's error list) keeps it; the gateway's
                // own refusals of that status (a bad token) are still problem+json
                ((ObjectNode) r.getValue().get("content")).putObject("application/problem+json").putObject("schema")
                        .put("$ref", "#/components/schemas/Problem");
            } else {
                r.setValue(problemRef("Problem", r.getValue().path("description").asText(null)));
            }
        });
        responses.set("429", problemRef("TooManyRequests", null));
        responses.set("503", problemRef("Unavailable", null));
        if (!responses.has("4XX")) {
            responses.set("4XX", problemRef("Problem", null));
        }
    }

    /** Only the schemas an operation uses, directly or through another schema: a generator has no use for others. */
    private static ObjectNode reachable(ObjectNode schemas, List<JsonNode> roots) {
        Set<String> used = new HashSet<>();
        java.util.Deque<JsonNode> todo = new java.util.ArrayDeque<>(roots);
        String prefix = "#/components/schemas/";
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            if (node.isObject() && node.path("$ref").isTextual() && node.get("$ref").asText().startsWith(prefix)) {
                String name = node.get("$ref").asText().substring(prefix.length());
                if (used.add(name) && schemas.has(name)) {
                    todo.push(schemas.get(name));
                }
            }
            node.forEach(todo::push);
        }
        ObjectNode kept = JSON.createObjectNode();
        schemas.fields().forEachRemaining(s -> {
            if (used.contains(s.getKey())) {
                kept.set(s.getKey(), s.getValue());
            }
        });
        return kept;
    }

    private static JsonNode problemRef(String name, String description) {
        ObjectNode ref = JSON.createObjectNode().put("$ref", "#/components/responses/" + name);
        if (description != null && !description.isBlank()) {
            ref.put("description", description);
        }
        return ref;
    }

    static String operationId(String method, String path) {
        StringBuilder id = new StringBuilder(method.toLowerCase(Locale.ROOT));
        String trimmed = path.replaceFirst("^/api/v1/", "/");
        for (String segment : trimmed.split("[/.\\-_]")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                id.append("By").append(capital(segment.substring(1, segment.length() - 1)));
            } else {
                id.append(capital(segment.replaceAll("[^A-Za-z0-9]", "")));
            }
        }
        return id.toString();
    }

    private static JsonNode rewriteRefs(JsonNode node, Map<String, String> renamed) {
        if (renamed.isEmpty()) {
            return node;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    String ref = field.getValue().asText();
                    String prefix = "#/components/schemas/";
                    if (ref.startsWith(prefix) && renamed.containsKey(ref.substring(prefix.length()))) {
                        field.setValue(TextNode.valueOf(prefix + renamed.get(ref.substring(prefix.length()))));
                    }
                } else {
                    rewriteRefs(field.getValue(), renamed);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> rewriteRefs(child, renamed));
        }
        return node;
    }

    private static JsonNode describedTag(JsonNode tag, String service) {
        ObjectNode copy = tag.deepCopy();
        if (!copy.hasNonNull("description")) {
            copy.put("description", "Operations of the " + service + " service");
        }
        return copy;
    }

    private static ObjectNode info() {
        ObjectNode info = JSON.createObjectNode();
        info.put("title", "Shequ public API");
        info.put("version", "1.0.0");
        info.put("description", "The public API of Shequ (社区), the neighbourhood-governance suite: notices and "
                + "outages, grid-worker tasks, food-stall inspections, old-compound renovation, webhooks, and the "
                + "gateway's neighbourhood view and event stream. Errors are RFC 9457 problem+json; rate limits "
                + "answer 429 with Retry-After and the IETF RateLimit headers.");
        info.putObject("contact").put("name", "Shequ maintainers").put("url", "https://github.com/shequ/shequ")
                .put("email", "maintainers@shequ.invalid");
        info.putObject("license").put("name", "Apache-2.0").put("identifier", "Apache-2.0");
        return info;
    }

    private static ObjectNode sorted(ObjectNode node) {
        ObjectNode out = JSON.createObjectNode();
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.stream().sorted().forEach(name -> out.set(name, node.get(name)));
        return out;
    }

    private static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("-")) {
            out.append(capital(part));
        }
        return out.toString();
    }

    private static String capital(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
