package org.shequ.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The dev overlay's notices Deployment and ConfigMap, as rendered, made playable by podman on this machine: the pod
 * on the host network (so everything stays on loopback; the container's port list goes, as podman maps no ports
 * there), the ConfigMap's addresses pointed at this test's database
 * and broker, and what a cluster would take from Secrets (database user, Kafka credentials, the JWT key) given
 * directly, since there is no cluster to hold them. Everything else — image, user, read-only root, dropped
 * capabilities, probes, volumes — is played as rendered.
 */
final class KubePlay {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private KubePlay() {
    }

    static String notices(String rendered, Map<String, String> env, Path keys) throws IOException {
        ObjectNode configMap = null;
        ObjectNode deployment = null;
        for (JsonNode doc : YAML.readerFor(JsonNode.class).<JsonNode>readValues(rendered).readAll()) {
            if (doc != null && "notices".equals(doc.path("metadata").path("name").asText())) {
                if ("ConfigMap".equals(doc.path("kind").asText())) {
                    configMap = (ObjectNode) doc;
                } else if ("Deployment".equals(doc.path("kind").asText())) {
                    deployment = (ObjectNode) doc;
                }
            }
        }
        if (configMap == null || deployment == null) {
            throw new AssertionError("The dev overlay renders no notices Deployment and ConfigMap");
        }
        ObjectNode data = (ObjectNode) configMap.get("data");
        env.forEach(data::put);
        ObjectNode pod = (ObjectNode) deployment.path("spec").path("template").path("spec");
        pod.put("hostNetwork", true);
        ObjectNode container = (ObjectNode) pod.path("containers").get(0);
        // On the host network the app's port is the host's: podman refuses port mappings there.
        container.remove("ports");
        ArrayNode fromSecrets = YAML.createArrayNode();
        fromSecrets.addObject().put("name", "SHEQU_DB_USER").put("value", env.get("SHEQU_DB_USER"));
        fromSecrets.addObject().put("name", "SHEQU_DB_PASSWORD").put("value", "");
        container.set("env", fromSecrets);
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.has("secret")) {
                ((ObjectNode) volume).remove("secret");
                ((ObjectNode) volume).putObject("hostPath").put("path", keys.toString()).put("type", "Directory");
            }
        }
        return YAML.writeValueAsString(configMap) + YAML.writeValueAsString(deployment);
    }
}
