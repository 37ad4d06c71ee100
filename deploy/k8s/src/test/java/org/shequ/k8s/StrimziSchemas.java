package org.shequ.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API a Strimzi 1.2 operator serves, as its own CRDs define it (vendored unchanged from the 1.2.0 release:
 * {@code packaging/install/cluster-operator/04*-Crd-*.yaml}): only {@code kafka.strimzi.io/v1}, each kind's
 * structural {@code openAPIV3Schema}. Checked as the API server checks it with strict field validation: a field the
 * schema does not declare is refused, unless the schema preserves unknown fields there (Kafka's {@code config}).
 * The CEL rules ({@code x-kubernetes-validations}) are not evaluated here; ManifestsTest checks the ones this
 * project's objects could break.
 */
final class StrimziSchemas {

    static final String GROUP_VERSION = "kafka.strimzi.io/v1";
    private static final List<String> CRDS = List.of("040-Crd-kafka.yaml", "043-Crd-kafkatopic.yaml",
            "044-Crd-kafkauser.yaml", "045-Crd-kafkanodepool.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, Schema> BY_KIND = load();

    private StrimziSchemas() {
    }

    /** The schema of {@code apiVersion/kind} when Strimzi 1.2 serves it; empty for any other Strimzi version. */
    static Optional<Schema> of(String apiVersion, String kind) {
        return GROUP_VERSION.equals(apiVersion) ? Optional.ofNullable(BY_KIND.get(kind)) : Optional.empty();
    }

    static boolean isStrimzi(String apiVersion) {
        return apiVersion.startsWith("kafka.strimzi.io/");
    }

    private static Map<String, Schema> load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        Map<String, Schema> schemas = new HashMap<>();
        for (String crd : CRDS) {
            try (InputStream in = StrimziSchemas.class.getResourceAsStream("/strimzi-1.2.0/" + crd)) {
                JsonNode definition = YAML.readTree(in);
                String kind = definition.path("spec").path("names").path("kind").asText();
                for (JsonNode version : definition.path("spec").path("versions")) {
                    if (version.path("name").asText().equals("v1") && version.path("served").asBoolean()) {
                        JsonNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                        strict(schema);
                        schemas.put(kind, registry.getSchema(schema));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the vendored CRD " + crd, e);
            }
        }
        return Map.copyOf(schemas);
    }

    /**
     * A structural schema refuses undeclared fields on the server (pruning, or strict validation's error), where
     * JSON Schema allows them: so every object node that declares its properties and does not preserve unknown
     * fields gets {@code additionalProperties: false}. Branches of {@code oneOf}/{@code anyOf} carry no
     * {@code type} and only restate which properties a choice needs: they are left as they are.
     */
    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if ("object".equals(object.path("type").asText()) && object.has("properties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                object.put("additionalProperties", false);
            }
            object.elements().forEachRemaining(StrimziSchemas::strict);
        } else if (node != null && node.isArray()) {
            node.elements().forEachRemaining(StrimziSchemas::strict);
        }
    }
}
