package org.shequ.k8s;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shequ.k8s.NetworkPolicyWalk.Endpoint;

/**
 * The production NetworkPolicies, walked pair by pair: every connection a component needs to do its job is allowed,
 * and each one an attacker inside a pod would try next is not. The apps' pods carry the labels of their rendered
 * Deployments and Jobs; Strimzi's pods the labels Strimzi gives them ({@code strimzi.io/name} is
 * {@code <cluster>-kafka}, {@code <cluster>-entity-operator}, {@code <cluster>-kafka-exporter}).
 */
class NetworkPoliciesTest {

    private static final Map<String, Integer> SERVICES = Map.of("notices", 8081, "grid-tasks", 8082,
            "food-inspections", 8083, "renovations", 8084, "webhooks", 8085);
    private static final Endpoint MYSQL = Endpoint.outside("managed MySQL", "10.20.3.4");
    private static final Endpoint JWKS = Endpoint.outside("identity provider", "203.0.113.10");
    private static final Endpoint SUBSCRIBER = Endpoint.outside("a webhook subscriber", "198.51.100.7");
    private static final Endpoint SUBSCRIBER_V6 = Endpoint.outside("a webhook subscriber on IPv6", "2001:db8::7");
    private static final Endpoint API_SERVER = Endpoint.outside("the Kubernetes API", "172.18.0.2");
    private static final Endpoint METADATA = Endpoint.outside("the cloud's metadata service", "169.254.169.254");
    private static final Endpoint PRIVATE = Endpoint.outside("a private address", "192.168.1.10");
    private static final Endpoint NODE = Endpoint.outside("a node's address", "10.0.0.5");
    private static final Endpoint UNIQUE_LOCAL = Endpoint.outside("an IPv6 unique-local address", "fd00::5");
    private static final Endpoint EDGE = Endpoint.pod("edge proxy", "gateway-system", Map.of("app", "envoy"),
            "10.1.0.2");
    private static final Endpoint PROMETHEUS = Endpoint.pod("prometheus", "monitoring",
            Map.of("app.kubernetes.io/name", "prometheus"), "10.1.0.3");
    private static final Endpoint DNS = Endpoint.pod("cluster DNS", "kube-system", Map.of("k8s-app", "kube-dns"),
            "10.1.0.4");
    private static final Endpoint CLUSTER_OPERATOR = Endpoint.pod("strimzi cluster operator", "strimzi",
            Map.of("strimzi.io/kind", "cluster-operator", "name", "strimzi-cluster-operator"), "10.1.0.5");
    private static final Endpoint STRANGER = Endpoint.pod("another team's pod", "other", Map.of("app", "x"),
            "10.1.0.6");
    private static final Endpoint BROKER = strimziPod("kafka broker", "shequ-kafka",
            Map.of("strimzi.io/pool-name", "dual-role", "strimzi.io/broker-role", "true"));
    private static final Endpoint ENTITY_OPERATOR = strimziPod("entity operator", "shequ-entity-operator", Map.of());
    private static final Endpoint EXPORTER = strimziPod("kafka exporter", "shequ-kafka-exporter", Map.of());

    private static NetworkPolicyWalk walk;
    private static final Map<String, Endpoint> PODS = new HashMap<>();

    @BeforeAll
    static void render() throws Exception {
        Rendered prod = Rendered.overlay("prod");
        walk = new NetworkPolicyWalk("shequ", prod.all(NetworkPolicy.class));
        for (Deployment d : prod.all(Deployment.class)) {
            PODS.put(d.getMetadata().getName(), Endpoint.pod(d.getMetadata().getName(), "shequ",
                    d.getSpec().getTemplate().getMetadata().getLabels(), "10.2.0." + PODS.size()));
        }
        for (Job j : prod.all(Job.class)) {
            PODS.put(j.getMetadata().getName(), Endpoint.pod(j.getMetadata().getName(), "shequ",
                    j.getSpec().getTemplate().getMetadata().getLabels(), "10.2.1." + PODS.size()));
        }
    }

    @Test
    void everyComponentReachesWhatItNeeds() {
        List<String> refused = new ArrayList<>();
        Endpoint gateway = PODS.get("gateway");
        must(refused, EDGE, gateway, 8080);
        must(refused, gateway, JWKS, 443);
        must(refused, gateway, BROKER, 9093);
        must(refused, PROMETHEUS, gateway, 9080);
        SERVICES.forEach((name, port) -> {
            Endpoint service = PODS.get(name);
            must(refused, gateway, service, port);
            must(refused, service, MYSQL, 3306);
            must(refused, service, BROKER, 9093);
            must(refused, PROMETHEUS, service, port);
            must(refused, PODS.get(name + "-migrate"), MYSQL, 3306);
        });
        for (Endpoint pod : PODS.values()) {
            must(refused, pod, DNS, 53);
        }
        must(refused, PODS.get("webhooks"), SUBSCRIBER, 443);
        must(refused, PODS.get("webhooks"), SUBSCRIBER_V6, 443);
        must(refused, BROKER, BROKER, 9090);
        must(refused, BROKER, BROKER, 9091);
        must(refused, ENTITY_OPERATOR, API_SERVER, 443);
        must(refused, ENTITY_OPERATOR, API_SERVER, 6443);
        must(refused, ENTITY_OPERATOR, BROKER, 9091);
        must(refused, EXPORTER, BROKER, 9091);
        must(refused, CLUSTER_OPERATOR, BROKER, 9091);
        must(refused, CLUSTER_OPERATOR, BROKER, 8443);
        must(refused, PROMETHEUS, BROKER, 9404);
        must(refused, PROMETHEUS, EXPORTER, 9404);
        must(refused, ENTITY_OPERATOR, DNS, 53);
        assertTrue(refused.isEmpty(), "Refused, and needed:\n" + String.join("\n", refused));
    }

    @Test
    void nothingElseGetsThrough() {
        List<String> allowed = new ArrayList<>();
        Endpoint gateway = PODS.get("gateway");
        Endpoint webhooks = PODS.get("webhooks");
        mustNot(allowed, EDGE, gateway, 9080);
        mustNot(allowed, EDGE, PODS.get("notices"), 8081);
        mustNot(allowed, STRANGER, gateway, 8080);
        mustNot(allowed, STRANGER, BROKER, 9093);
        mustNot(allowed, STRANGER, PODS.get("notices"), 8081);
        mustNot(allowed, gateway, MYSQL, 3306);
        mustNot(allowed, gateway, BROKER, 9091);
        mustNot(allowed, gateway, NODE, 443);
        mustNot(allowed, gateway, METADATA, 80);
        for (Endpoint target : List.of(METADATA, PRIVATE, NODE, UNIQUE_LOCAL)) {
            mustNot(allowed, webhooks, target, 443);
            mustNot(allowed, webhooks, target, 80);
        }
        mustNot(allowed, webhooks, SUBSCRIBER, 80);
        mustNot(allowed, webhooks, SUBSCRIBER, 8443);
        mustNot(allowed, webhooks, MYSQL, 22);
        mustNot(allowed, webhooks, PODS.get("notices"), 8081);
        mustNot(allowed, PODS.get("notices"), PODS.get("grid-tasks"), 8082);
        mustNot(allowed, PODS.get("notices"), SUBSCRIBER, 443);
        mustNot(allowed, PODS.get("notices"), BROKER, 9091);
        mustNot(allowed, PODS.get("notices-migrate"), BROKER, 9093);
        mustNot(allowed, PODS.get("notices-migrate"), SUBSCRIBER, 443);
        mustNot(allowed, BROKER, SUBSCRIBER, 443);
        mustNot(allowed, BROKER, PODS.get("notices"), 8081);
        mustNot(allowed, ENTITY_OPERATOR, MYSQL, 3306);
        mustNot(allowed, EXPORTER, SUBSCRIBER, 443);
        mustNot(allowed, PROMETHEUS, gateway, 8080);
        assertTrue(allowed.isEmpty(), "Allowed, and must not be:\n" + String.join("\n", allowed));
    }

    @Test
    void theWalkItselfTellsAddressesApart() {
        assertTrue(NetworkPolicyWalk.inCidr("10.0.0.0/8", "10.255.1.2"));
        assertTrue(!NetworkPolicyWalk.inCidr("10.0.0.0/8", "11.0.0.1"));
        assertTrue(NetworkPolicyWalk.inCidr("fc00::/7", "fd12::1"));
        assertTrue(!NetworkPolicyWalk.inCidr("fc00::/7", "2001:db8::1"));
        assertTrue(NetworkPolicyWalk.inCidr("0.0.0.0/0", "198.51.100.7"));
    }

    private static Endpoint strimziPod(String name, String strimziName, Map<String, String> more) {
        Map<String, String> labels = new HashMap<>(more);
        labels.put("strimzi.io/cluster", "shequ");
        labels.put("strimzi.io/kind", "Kafka");
        labels.put("strimzi.io/name", strimziName);
        return Endpoint.pod(name, "shequ", labels, "10.3.0." + Math.abs(strimziName.hashCode() % 200));
    }

    private static void must(List<String> refused, Endpoint from, Endpoint to, int port) {
        if (!walk.allows(from, to, port)) {
            refused.add(from + " -> " + to + ":" + port);
        }
    }

    private static void mustNot(List<String> allowed, Endpoint from, Endpoint to, int port) {
        if (walk.allows(from, to, port)) {
            allowed.add(from + " -> " + to + ":" + port);
        }
    }
}
