package org.shequ.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an ops team applies: every overlay renders, every object is one the API server would accept as written, and
 * the production render keeps the rules a city's cluster needs (docs/OPERATIONS.md, "What the manifests promise").
 */
class ManifestsTest {

    /** The apps the build makes an image of: the gateway and every service with a Quarkus application. */
    static final Set<String> APPS = Set.of("gateway", "notices", "grid-tasks", "food-inspections", "renovations",
            "webhooks");
    private static Rendered prod;

    @BeforeAll
    static void render() throws Exception {
        prod = Rendered.overlay("prod");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyOverlayRendersIntoObjectsTheApiAccepts(String overlay) throws Exception {
        Rendered rendered = Rendered.overlay(overlay);
        assertEquals(APPS, rendered.all(Deployment.class).stream().map(d -> d.getMetadata().getName())
                .collect(Collectors.toSet()));
    }

    @Test
    void aFieldTheApiDoesNotKnowIsRefused() {
        String typo = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: notices}
                spec:
                  replicaz: 2
                  selector: {matchLabels: {app: notices}}
                  template:
                    metadata: {labels: {app: notices}}
                    spec:
                      containers: [{name: notices, image: shequ/notices, readinessProbe: {httpGet: {path: /, port: 80}, periodSecond: 5}}]
                """;
        AssertionError refused = assertThrows(AssertionError.class, () -> Rendered.parse(typo));
        assertTrue(refused.getMessage().contains("replicaz") && refused.getMessage().contains("periodSecond"),
                refused.getMessage());
        String strimziTypo = """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: t}
                spec: {partitions: 3, replica: 3}
                """;
        assertThrows(AssertionError.class, () -> Rendered.parse(strimziTypo));
    }

    @Test
    void everyProductionContainerIsProbedSizedAndLockedDown() {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : prod.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            check(problems, Boolean.FALSE.equals(pod.getAutomountServiceAccountToken()), name, "token automount");
            check(problems, pod.getSecurityContext() != null && Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot())
                    && pod.getSecurityContext().getRunAsUser() != null && pod.getSecurityContext().getRunAsUser() > 0,
                    name, "non-root with a fixed UID");
            check(problems, pod.getSecurityContext() != null && pod.getSecurityContext().getSeccompProfile() != null
                    && "RuntimeDefault".equals(pod.getSecurityContext().getSeccompProfile().getType()), name, "seccomp");
            check(problems, pod.getTerminationGracePeriodSeconds() != null && pod.getTerminationGracePeriodSeconds() >= 30,
                    name, "termination grace period");
            check(problems, pod.getVolumes().stream().anyMatch(v -> v.getEmptyDir() != null), name, "emptyDir for /tmp");
            for (Container c : pod.getContainers()) {
                String where = name + "/" + c.getName();
                check(problems, c.getStartupProbe() != null && c.getLivenessProbe() != null && c.getReadinessProbe() != null,
                        where, "startup, liveness and readiness probes");
                check(problems, c.getReadinessProbe() != null && c.getReadinessProbe().getHttpGet() != null
                        && c.getReadinessProbe().getHttpGet().getPath().equals("/q/health/ready"), where, "readiness on /q/health/ready");
                check(problems, c.getResources() != null && c.getResources().getRequests().containsKey("cpu")
                        && c.getResources().getRequests().containsKey("memory")
                        && c.getResources().getLimits().containsKey("memory"), where, "requests and limits");
                var sc = c.getSecurityContext();
                check(problems, sc != null && Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem()), where, "read-only root");
                check(problems, sc != null && Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation()), where, "no escalation");
                check(problems, sc != null && sc.getCapabilities() != null && sc.getCapabilities().getDrop().contains("ALL"),
                        where, "all capabilities dropped");
                check(problems, c.getLifecycle() != null && c.getLifecycle().getPreStop() != null, where, "preStop pause");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyProductionDeploymentHasABudgetAnAutoscalerAndSeveralReplicas() {
        Set<String> budgeted = prod.all(PodDisruptionBudget.class).stream()
                .map(pdb -> pdb.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name"))
                .collect(Collectors.toSet());
        Set<String> scaled = prod.all(HorizontalPodAutoscaler.class).stream()
                .filter(hpa -> hpa.getSpec().getScaleTargetRef().getKind().equals("Deployment"))
                .map(hpa -> hpa.getSpec().getScaleTargetRef().getName()).collect(Collectors.toSet());
        for (Deployment deployment : prod.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            assertTrue(budgeted.contains(name), name + " has no PodDisruptionBudget");
            assertTrue(scaled.contains(name), name + " has no HorizontalPodAutoscaler");
            assertTrue(deployment.getSpec().getReplicas() >= 2, name + " runs one replica");
            assertEquals(2, deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints().size(), name);
        }
    }

    @Test
    void productionDeniesAllTrafficByDefaultAndCarriesNoSecretData() {
        assertTrue(prod.all(NetworkPolicy.class).stream().anyMatch(p -> p.getSpec().getPodSelector().getMatchLabels().isEmpty()
                        && (p.getSpec().getPodSelector().getMatchExpressions() == null
                        || p.getSpec().getPodSelector().getMatchExpressions().isEmpty())
                        && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                        && p.getSpec().getIngress().isEmpty() && p.getSpec().getEgress().isEmpty()),
                "a default-deny NetworkPolicy for ingress and egress");
        for (Secret secret : prod.all(Secret.class)) {
            assertTrue(secret.getData().isEmpty() && secret.getStringData().isEmpty(),
                    "Secret " + secret.getMetadata().getName() + " carries data");
        }
        Set<String> text = prod.trees.stream().map(Object::toString).collect(Collectors.toSet());
        assertFalse(text.stream().anyMatch(t -> t.contains("BEGIN PRIVATE KEY") || t.contains("password\":\"")));
    }

    @Test
    void everyImageIsOneTheBuildMakes() {
        for (Deployment deployment : prod.all(Deployment.class)) {
            for (Container c : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                String app = deployment.getMetadata().getName();
                assertTrue(APPS.contains(app), app);
                assertEquals("registry.example.org/shequ/" + app + ":0.1.0", c.getImage());
            }
        }
    }

    @Test
    void productionKafkaKeepsTwoInSyncCopiesAndEachAppWritesOnlyItsOwnTopic() {
        for (KafkaTopic topic : prod.all(KafkaTopic.class)) {
            assertEquals(3, topic.getSpec().getReplicas(), topic.getMetadata().getName());
            assertEquals("2", String.valueOf(topic.getSpec().getConfig().get("min.insync.replicas")));
        }
        Set<String> topics = prod.all(KafkaTopic.class).stream().map(t -> t.getSpec().getTopicName())
                .collect(Collectors.toSet());
        for (KafkaUser user : prod.all(KafkaUser.class)) {
            String app = user.getMetadata().getName();
            var acls = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
            Set<String> written = acls.stream()
                    .filter(acl -> acl.getOperations().stream().anyMatch(op -> op.toString().equalsIgnoreCase("Write")))
                    .map(acl -> ((io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource) acl.getResource()).getName())
                    .collect(Collectors.toSet());
            assertEquals(app.equals("gateway") ? Set.of() : Set.of("shequ." + app + ".v1"), written, app);
            assertTrue(topics.containsAll(written), app + " writes a topic that is not declared");
        }
    }

    @Test
    void theBaseHasOneFolderPerAppAndNothingGeneratedIsCommitted() throws IOException {
        try (Stream<Path> dirs = Files.list(Rendered.K8S.resolve("base"))) {
            assertEquals(APPS, dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .collect(Collectors.toSet()));
        }
        for (String app : APPS) {
            Map<String, Boolean> files = Map.of("deployment.yaml", true, "service.yaml", true,
                    "serviceaccount.yaml", true, "configmap.yaml", true, "kustomization.yaml", true);
            files.keySet().forEach(f -> assertTrue(Files.exists(Rendered.K8S.resolve("base").resolve(app).resolve(f)),
                    app + "/" + f));
        }
    }

    private static void check(List<String> problems, boolean holds, String where, String rule) {
        if (!holds) {
            problems.add(where + ": " + rule);
        }
    }
}
