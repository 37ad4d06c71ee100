package org.shequ.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An overlay as {@code kubectl kustomize} renders it, each object read into the Kubernetes model class of its kind,
 * or checked against Strimzi 1.2's CRD schema ({@link StrimziSchemas}). Strictly: the models keep fields they do not
 * know in {@code additionalProperties}, so after reading, every nested object is walked and any such field is a
 * failure naming its path, as the API server's strict field validation would refuse it.
 */
final class Rendered {

    static final Path K8S = Path.of(System.getProperty("shequ.k8s", ".")).toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("gateway.networking.k8s.io/v1/HTTPRoute", HTTPRoute.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class));

    final List<JsonNode> trees = new ArrayList<>();
    final List<Object> objects = new ArrayList<>();
    /** The Strimzi objects, as checked against their CRD schemas. */
    final List<JsonNode> strimzi = new ArrayList<>();

    private Rendered() {
    }

    static Rendered overlay(String name) throws IOException, InterruptedException {
        return parse(kustomize(K8S.resolve("overlays").resolve(name)));
    }

    static String kustomize(Path dir) throws IOException, InterruptedException {
        Process kubectl;
        try {
            kubectl = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new IllegalStateException("kubectl (with kustomize v5) is needed to render the manifests", e);
        }
        String out = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
            throw new AssertionError("kubectl kustomize " + dir + " failed: " + err);
        }
        return out;
    }

    static Rendered parse(String yaml) throws IOException {
        Rendered rendered = new Rendered();
        for (JsonNode tree : YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
            if (tree == null || tree.isNull() || tree.isEmpty()) {
                continue;
            }
            String apiVersion = tree.path("apiVersion").asText();
            String key = apiVersion + "/" + tree.path("kind").asText();
            if (StrimziSchemas.isStrimzi(apiVersion)) {
                var schema = StrimziSchemas.of(apiVersion, tree.path("kind").asText()).orElseThrow(() ->
                        new AssertionError("Strimzi 1.2 does not serve " + key + " " + tree.path("metadata").path("name")));
                List<String> errors = schema.validate(tree).stream()
                        .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
                if (!errors.isEmpty()) {
                    throw new AssertionError(key + " " + tree.path("metadata").path("name").asText()
                            + " does not match Strimzi 1.2's schema: " + errors);
                }
                rendered.trees.add(tree);
                rendered.strimzi.add(tree);
                continue;
            }
            Class<?> model = MODELS.get(key);
            if (model == null) {
                throw new AssertionError("No model to check " + key + " " + tree.path("metadata").path("name"));
            }
            Object object = YAML.treeToValue(tree, model);
            List<String> unknown = new ArrayList<>();
            unknownFields(object, key + " " + tree.path("metadata").path("name").asText(), unknown);
            if (!unknown.isEmpty()) {
                throw new AssertionError("Fields the API does not know: " + unknown);
            }
            rendered.trees.add(tree);
            rendered.objects.add(object);
        }
        return rendered;
    }

    <T> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<JsonNode> strimzi(String kind) {
        return strimzi.stream().filter(tree -> tree.path("kind").asText().equals(kind)).toList();
    }

    private static void unknownFields(Object value, String path, List<String> unknown) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value.getClass().isPrimitive()) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown));
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            try {
                Object child = getter.invoke(value);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + " " + extra.keySet());
                    }
                } else {
                    unknownFields(child, path + "." + property(getter.getName()), unknown);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a computed getter that does not apply to this object
            }
        }
    }

    private static String property(String getter) {
        return Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
    }
}
