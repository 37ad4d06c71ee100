package org.shequ.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The dev overlay's objects, as rendered, made playable by podman on this machine (podman 4 plays Pods and
 * Deployments, not Jobs or Secrets):
 * <ul>
 *   <li>a Job becomes the Pod its template describes, restart policy included;</li>
 *   <li>every pod runs on the host network, so everything stays on loopback (the container's port list goes, as
 *   podman maps no ports there);</li>
 *   <li>a Secret volume becomes a host directory holding that Secret's rendered data, file for file (the dev
 *   credentials as the overlay generates them); Secrets a cluster makes (the JWT key, Strimzi's CA) are given as the
 *   test's own;</li>
 *   <li>addresses in ConfigMaps and arguments point at this test's database and broker;</li>
 *   <li>each container gets its environment resolved as Kubernetes resolves it (ConfigMaps, then its own
 *   {@code env}), since podman 4 ranks {@code envFrom} above {@code env}.</li>
 * </ul>
 * Everything else — image, command, user, read-only root, dropped capabilities, probes, mounts — is played as
 * rendered.
 */
final class KubePlay {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<JsonNode> objects = new ArrayList<>();
    private final Path secrets;
    private final Map<String, Path> givenSecrets;
    private final Map<String, String> configValues = new java.util.HashMap<>();

    /**
     * @param givenSecrets host directories for the Secrets the overlay does not render (made by the cluster or its
     *                     operators); every other Secret volume must name a rendered Secret
     */
    KubePlay(String rendered, Path secrets, Map<String, Path> givenSecrets) throws IOException {
        for (JsonNode doc : YAML.readerFor(JsonNode.class).<JsonNode>readValues(rendered).readAll()) {
            if (doc != null && doc.has("kind")) {
                objects.add(doc);
            }
        }
        this.secrets = secrets;
        this.givenSecrets = givenSecrets;
    }

    /** The Job {@code name} as a Pod of the same name, its arguments with {@code replacements} applied. */
    String job(String name, Map<String, String> replacements) throws IOException {
        JsonNode job = find("Job", name);
        ObjectNode pod = YAML.createObjectNode();
        pod.put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode metadata = pod.putObject("metadata");
        metadata.put("name", name);
        metadata.set("labels", job.path("spec").path("template").path("metadata").path("labels").deepCopy());
        ObjectNode spec = (ObjectNode) job.path("spec").path("template").path("spec").deepCopy();
        pod.set("spec", spec);
        for (JsonNode container : spec.path("containers")) {
            if (!(container.path("args") instanceof ArrayNode args)) {
                continue;
            }
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i).asText();
                for (Map.Entry<String, String> replacement : replacements.entrySet()) {
                    arg = arg.replace(replacement.getKey(), replacement.getValue());
                }
                args.set(i, arg);
            }
        }
        playable(spec);
        return YAML.writeValueAsString(pod);
    }

    /** The Deployment {@code name}. */
    String deployment(String name) throws IOException {
        ObjectNode deployment = (ObjectNode) find("Deployment", name).deepCopy();
        ObjectNode spec = (ObjectNode) deployment.path("spec").path("template").path("spec");
        playable(spec);
        return YAML.writeValueAsString(deployment);
    }

    /** Sets {@code values} over every ConfigMap the played pods read. */
    KubePlay withConfig(Map<String, String> values) {
        configValues.putAll(values);
        return this;
    }

    /**
     * Each container's environment as Kubernetes computes it: its ConfigMaps' data first, its own {@code env} over
     * them. Given to podman as one list, since podman 4 lets {@code envFrom} win over {@code env}.
     */
    private void resolveEnvironment(JsonNode podSpec) {
        for (JsonNode node : podSpec.path("containers")) {
            ObjectNode container = (ObjectNode) node;
            Map<String, String> environment = new java.util.LinkedHashMap<>();
            for (JsonNode from : container.path("envFrom")) {
                String configMap = from.path("configMapRef").path("name").asText();
                find("ConfigMap", configMap).path("data").fields()
                        .forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
                environment.putAll(configValues);
            }
            for (JsonNode variable : container.path("env")) {
                if (!variable.has("value")) {
                    throw new AssertionError("Only literal env values can be played: " + variable);
                }
                environment.put(variable.path("name").asText(), variable.path("value").asText());
            }
            container.remove("envFrom");
            ArrayNode env = container.putArray("env");
            environment.forEach((name, value) -> env.addObject().put("name", name).put("value", value));
        }
    }

    private void playable(ObjectNode podSpec) throws IOException {
        resolveEnvironment(podSpec);
        podSpec.put("hostNetwork", true);
        for (JsonNode container : podSpec.path("containers")) {
            ((ObjectNode) container).remove("ports");
        }
        for (JsonNode volume : podSpec.path("volumes")) {
            JsonNode secret = volume.path("secret");
            if (secret.isMissingNode()) {
                continue;
            }
            String secretName = secret.path("secretName").asText();
            Path dir = givenSecrets.containsKey(secretName) ? givenSecrets.get(secretName) : materialise(secret);
            ((ObjectNode) volume).remove("secret");
            ((ObjectNode) volume).putObject("hostPath").put("path", dir.toString()).put("type", "Directory");
        }
    }

    /** The rendered Secret's data as files (only its {@code items}, under their paths, when the volume lists them). */
    private Path materialise(JsonNode volumeSource) throws IOException {
        String name = volumeSource.path("secretName").asText();
        JsonNode data = find("Secret", name).path("data");
        Path dir = secrets.resolve(name + "-" + Integer.toHexString(volumeSource.toString().hashCode()));
        Files.createDirectories(dir);
        if (volumeSource.has("items")) {
            for (JsonNode item : volumeSource.path("items")) {
                write(dir.resolve(item.path("path").asText()), data.path(item.path("key").asText()).asText());
            }
        } else {
            for (var field : (Iterable<Map.Entry<String, JsonNode>>) data::fields) {
                write(dir.resolve(field.getKey()), field.getValue().asText());
            }
        }
        readableByThePod(dir);
        return dir;
    }

    private static void write(Path file, String base64) throws IOException {
        Files.write(file, Base64.getMimeDecoder().decode(base64));
        readableByThePod(file);
    }

    /** The pods run as UID 10001; the test as someone else. */
    static void readableByThePod(Path path) {
        path.toFile().setReadable(true, false);
        if (Files.isDirectory(path)) {
            path.toFile().setExecutable(true, false);
        }
    }

    private JsonNode find(String kind, String name) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)
                        && o.path("metadata").path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("The dev overlay renders no " + kind + " " + name));
    }
}
