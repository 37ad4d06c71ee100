package org.shequ.k8s;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import java.util.HashMap;
import java.util.HashSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * What an ops team applies: every overlay renders, every object is one the API server (and Strimzi 1.2) would accept
 * as written, and the production render keeps the rules a city's cluster needs (docs/OPERATIONS.md, "The manifests").
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
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t}
                spec: {partitions: 3, replica: 3}
                """;
        AssertionError strimziRefused = assertThrows(AssertionError.class, () -> Rendered.parse(strimziTypo));
        assertTrue(strimziRefused.getMessage().contains("replica"), strimziRefused.getMessage());
        String nested = """
                apiVersion: kafka.strimzi.io/v1
                kind: Kafka
                metadata: {name: k}
                spec:
                  kafka:
                    version: 4.3.1
                    listeners: [{name: tls, port: 9093, type: internal, tls: true, authentication: {type: scram-sha-512, typo: x}}]
                """;
        assertThrows(AssertionError.class, () -> Rendered.parse(nested));
        // Strimzi 1.x serves v1 only: what used to apply is refused.
        String old = """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: t}
                spec: {partitions: 3, replicas: 3}
                """;
        AssertionError oldRefused = assertThrows(AssertionError.class, () -> Rendered.parse(old));
        assertTrue(oldRefused.getMessage().contains("does not serve"), oldRefused.getMessage());
        // Kafka's own settings are free-form in the schema, so they stay accepted.
        assertDoesNotThrow(() -> Rendered.parse("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t}
                spec: {partitions: 3, replicas: 3, config: {retention.ms: "1000"}}
                """));
    }

    @Test
    void everyProductionContainerIsProbedSizedPinnedAndLockedDown() {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : prod.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            lockedDown(problems, name, pod);
            for (Container c : pod.getContainers()) {
                String where = name + "/" + c.getName();
                check(problems, c.getStartupProbe() != null && c.getLivenessProbe() != null && c.getReadinessProbe() != null,
                        where, "startup, liveness and readiness probes");
                check(problems, c.getReadinessProbe() != null && c.getReadinessProbe().getHttpGet() != null
                        && c.getReadinessProbe().getHttpGet().getPath().equals("/q/health/ready"), where, "readiness on /q/health/ready");
                check(problems, c.getLifecycle() != null && c.getLifecycle().getPreStop() != null, where, "preStop pause");
            }
        }
        for (Job job : prod.all(Job.class)) {
            lockedDown(problems, job.getMetadata().getName(), job.getSpec().getTemplate().getSpec());
            check(problems, job.getSpec().getActiveDeadlineSeconds() != null
                    && job.getSpec().getActiveDeadlineSeconds() >= 1800, job.getMetadata().getName(), "a generous deadline");
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void lockedDown(List<String> problems, String name, PodSpec pod) {
        check(problems, Boolean.FALSE.equals(pod.getAutomountServiceAccountToken()), name, "token automount");
        check(problems, pod.getSecurityContext() != null && Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot())
                && pod.getSecurityContext().getRunAsUser() != null && pod.getSecurityContext().getRunAsUser() > 0,
                name, "non-root with a fixed UID");
        check(problems, pod.getSecurityContext() != null && pod.getSecurityContext().getSeccompProfile() != null
                && "RuntimeDefault".equals(pod.getSecurityContext().getSeccompProfile().getType()), name, "seccomp");
        check(problems, pod.getTerminationGracePeriodSeconds() == null || pod.getTerminationGracePeriodSeconds() >= 30,
                name, "termination grace period");
        check(problems, pod.getVolumes().stream().anyMatch(v -> v.getEmptyDir() != null), name, "emptyDir for /tmp");
        for (Container c : pod.getContainers()) {
            String where = name + "/" + c.getName();
            check(problems, c.getResources() != null && c.getResources().getRequests().containsKey("cpu")
                    && c.getResources().getRequests().containsKey("memory")
                    && c.getResources().getRequests().containsKey("ephemeral-storage")
                    && c.getResources().getLimits().containsKey("memory")
                    && c.getResources().getLimits().containsKey("ephemeral-storage"), where,
                    "cpu, memory and ephemeral-storage requests, memory and ephemeral-storage limits");
            check(problems, "IfNotPresent".equals(c.getImagePullPolicy()), where, "imagePullPolicy IfNotPresent");
            var sc = c.getSecurityContext();
            check(problems, sc != null && Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem()), where, "read-only root");
            check(problems, sc != null && Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation()), where, "no escalation");
            check(problems, sc != null && sc.getCapabilities() != null && sc.getCapabilities().getDrop().contains("ALL"),
                    where, "all capabilities dropped");
        }
    }

    @Test
    void autoscalersOwnTheReplicaCountAndRolloutsAndDrainsGoOnePodAtATime() {
        Map<String, PodDisruptionBudget> budgets = prod.all(PodDisruptionBudget.class).stream().collect(Collectors.toMap(
                pdb -> pdb.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name"), pdb -> pdb));
        Map<String, HorizontalPodAutoscaler> scalers = prod.all(HorizontalPodAutoscaler.class).stream()
                .filter(hpa -> hpa.getSpec().getScaleTargetRef().getKind().equals("Deployment"))
                .collect(Collectors.toMap(hpa -> hpa.getSpec().getScaleTargetRef().getName(), hpa -> hpa));
        for (Deployment deployment : prod.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            assertTrue(scalers.containsKey(name), name + " has no HorizontalPodAutoscaler");
            assertTrue(scalers.get(name).getSpec().getMinReplicas() >= 2, name + " may scale to one replica");
            assertNull(deployment.getSpec().getReplicas(), name + " sets replicas, which every apply would reset");
            var strategy = deployment.getSpec().getStrategy();
            assertEquals("RollingUpdate", strategy.getType(), name);
            assertEquals(0, strategy.getRollingUpdate().getMaxUnavailable().getIntVal(), name + " maxUnavailable");
            assertEquals(1, strategy.getRollingUpdate().getMaxSurge().getIntVal(), name + " maxSurge");
            PodDisruptionBudget budget = budgets.get(name);
            assertTrue(budget != null, name + " has no PodDisruptionBudget");
            assertNull(budget.getSpec().getMinAvailable(), name);
            assertEquals(1, budget.getSpec().getMaxUnavailable().getIntVal(), name + " maxUnavailable");
            assertEquals("AlwaysAllow", budget.getSpec().getUnhealthyPodEvictionPolicy(), name);
            assertEquals(2, deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints().size(), name);
        }
    }

    @Test
    void everyConfigMapAnAppReadsIsNamedByItsContentSoAChangeRollsThePods() throws Exception {
        Map<String, ConfigMap> configMaps = prod.all(ConfigMap.class).stream()
                .collect(Collectors.toMap(c -> c.getMetadata().getName(), c -> c));
        for (PodSpec pod : pods(prod)) {
            for (Container c : pod.getContainers()) {
                for (EnvFromSource from : c.getEnvFrom()) {
                    String name = from.getConfigMapRef().getName();
                    assertTrue(configMaps.containsKey(name), name + " is not rendered");
                    assertTrue(name.matches("[a-z-]+-[a-z0-9]{10}"), name + " carries no content hash");
                }
            }
        }
        // The same change gives the same name (a rollback finds its ConfigMap again); another change, another name.
        String notices = configMapName(prod, "notices");
        assertEquals(notices, configMapName(Rendered.overlay("prod"), "notices"));
        assertFalse(notices.equals(configMapName(Rendered.overlay("dev"), "notices")), notices);
    }

    private static String configMapName(Rendered rendered, String app) {
        return rendered.all(ConfigMap.class).stream().map(c -> c.getMetadata().getName())
                .filter(n -> n.startsWith(app + "-")).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void noSecretIsEverInAnEnvironmentVariable(String overlay) throws Exception {
        Rendered rendered = overlay.equals("prod") ? prod : Rendered.overlay(overlay);
        List<String> fromSecrets = new ArrayList<>();
        for (PodSpec pod : pods(rendered)) {
            for (Container c : pod.getContainers()) {
                c.getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                        .forEach(e -> fromSecrets.add(c.getName() + " " + e.getName()));
                c.getEnvFrom().stream().filter(e -> e.getSecretRef() != null)
                        .forEach(e -> fromSecrets.add(c.getName() + " envFrom " + e.getSecretRef().getName()));
                c.getEnv().stream().filter(e -> e.getName().matches(".*(PASSWORD|JAAS|SECRET)$") && e.getValue() != null)
                        .forEach(e -> fromSecrets.add(c.getName() + " " + e.getName() + " (a literal)"));
            }
        }
        assertEquals(List.of(), fromSecrets);
        for (ConfigMap config : rendered.all(ConfigMap.class)) {
            config.getData().forEach((key, value) -> assertFalse(key.matches(".*(PASSWORD|JAAS_CONFIG)$"),
                    config.getMetadata().getName() + " holds " + key));
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
        assertEquals(List.of(), prod.all(Secret.class).stream().map(s -> s.getMetadata().getName()).toList(),
                "Secrets come from the cluster's secret store, not from the manifests");
        Set<String> text = prod.trees.stream().map(Object::toString).collect(Collectors.toSet());
        assertFalse(text.stream().anyMatch(t -> t.contains("BEGIN PRIVATE KEY") || t.contains("password\":\"")));
    }

    @Test
    void theNamespaceEnforcesTheRestrictedPodSecurityLevel() {
        List<Namespace> namespaces = prod.all(Namespace.class);
        assertEquals(1, namespaces.size());
        Map<String, String> labels = namespaces.get(0).getMetadata().getLabels();
        assertEquals("shequ", namespaces.get(0).getMetadata().getName());
        assertEquals("restricted", labels.get("pod-security.kubernetes.io/enforce"));
        assertEquals("restricted", labels.get("pod-security.kubernetes.io/warn"));
    }

    @Test
    void everyImageIsOneTheBuildMakesPinnedByDigest() {
        Pattern pinned = Pattern.compile("registry\\.example\\.org/shequ/([a-z-]+)@sha256:[0-9a-f]{64}");
        for (Deployment deployment : prod.all(Deployment.class)) {
            for (Container c : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                Matcher image = pinned.matcher(c.getImage());
                assertTrue(image.matches(), c.getImage());
                assertEquals(deployment.getMetadata().getName(), image.group(1));
            }
        }
        for (Job job : prod.all(Job.class)) {
            Matcher image = pinned.matcher(job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
            assertTrue(image.matches(), job.getMetadata().getName());
            assertEquals(job.getMetadata().getName(), image.group(1) + "-migrate");
        }
    }

    @Test
    void eachServiceIsMigratedByItsOwnJobAndItsPodsDoNotMigrate() {
        Map<String, String> configMaps = new HashMap<>();
        prod.all(ConfigMap.class).forEach(c -> configMaps.put(c.getMetadata().getName(),
                String.valueOf(c.getData().get("SHEQU_DB_MIGRATE"))));
        Map<String, Job> jobs = prod.all(Job.class).stream().collect(Collectors.toMap(j -> j.getMetadata().getName(), j -> j));
        for (Deployment deployment : prod.all(Deployment.class)) {
            String app = deployment.getMetadata().getName();
            if (app.equals("gateway")) {
                continue;
            }
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals("never", configMaps.get(container.getEnvFrom().get(0).getConfigMapRef().getName()), app);
            assertEquals(Set.of(app + "-db", app + "-kafka", "shequ-jwt-public-key", "shequ-cluster-ca-cert"),
                    secretVolumes(deployment.getSpec().getTemplate().getSpec()), app);
            Job job = jobs.get(app + "-migrate");
            assertTrue(job != null, app + " has no migration Job");
            Container migrate = job.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals(container.getImage(), migrate.getImage(), app + ": the Job migrates with the release's image");
            assertTrue(migrate.getEnv().stream().anyMatch(e -> e.getName().equals("SHEQU_DB_MIGRATE")
                    && e.getValue().equals("only")), app);
            assertEquals(Set.of(app + "-db-migrator", "shequ-jwt-public-key"),
                    secretVolumes(job.getSpec().getTemplate().getSpec()), app + ": the Job has the migrator's credentials only");
            assertEquals("Never", job.getSpec().getTemplate().getSpec().getRestartPolicy());
        }
    }

    private static Set<String> secretVolumes(PodSpec pod) {
        return pod.getVolumes().stream().filter(v -> v.getSecret() != null).map(v -> v.getSecret().getSecretName())
                .collect(Collectors.toSet());
    }

    @Test
    void kafkaIsASupportedVersionSpreadOverZonesReachedOverTlsAndMeasured() throws Exception {
        JsonNode kafka = prod.strimzi("Kafka").get(0).path("spec").path("kafka");
        String version = kafka.path("version").asText();
        assertTrue(Set.of("4.2.0", "4.3.0", "4.3.1").contains(version), "Strimzi 1.2 does not run Kafka " + version);
        assertEquals("topology.kubernetes.io/zone", kafka.path("rack").path("topologyKey").asText());
        JsonNode listeners = kafka.path("listeners");
        assertEquals(1, listeners.size(), "one listener, the one the apps use");
        JsonNode listener = listeners.get(0);
        assertTrue(listener.path("tls").asBoolean(), "the apps' listener is TLS");
        assertEquals("scram-sha-512", listener.path("authentication").path("type").asText());
        for (ConfigMap config : prod.all(ConfigMap.class)) {
            if (config.getData().containsKey("SHEQU_KAFKA_BOOTSTRAP")) {
                String where = config.getMetadata().getName();
                assertEquals("shequ-kafka-bootstrap:" + listener.path("port").asInt(),
                        config.getData().get("SHEQU_KAFKA_BOOTSTRAP"), where);
                assertEquals("SASL_SSL", config.getData().get("SHEQU_KAFKA_SECURITY_PROTOCOL"), where);
                assertEquals("/etc/shequ/kafka-ca/ca.crt", config.getData().get("SHEQU_KAFKA_SSL_TRUSTSTORE_LOCATION"), where);
            }
        }
        JsonNode metrics = kafka.path("metricsConfig");
        // The CRD's CEL rule, which the schema check does not evaluate.
        assertTrue(!metrics.path("type").asText().equals("jmxPrometheusExporter") || metrics.has("valueFrom"));
        assertFalse(metrics.isMissingNode(), "broker metrics");
        assertFalse(prod.strimzi("Kafka").get(0).path("spec").path("kafkaExporter").isMissingNode(), "Kafka Exporter");
        assertTrue(prod.strimzi("Kafka").get(0).path("metadata").path("annotations").isMissingNode(),
                "no annotations: strimzi.io/kraft and strimzi.io/node-pools are ignored since 0.48");
        JsonNode pool = prod.strimzi("KafkaNodePool").get(0).path("spec");
        assertEquals(3, pool.path("replicas").asInt());
        Set<String> spreadOver = new HashSet<>();
        pool.path("template").path("pod").path("topologySpreadConstraints")
                .forEach(c -> spreadOver.add(c.path("topologyKey").asText()));
        assertEquals(Set.of("topology.kubernetes.io/zone", "kubernetes.io/hostname"), spreadOver);
    }

    @Test
    void productionKafkaKeepsTwoInSyncCopiesAndEachAppWritesOnlyItsOwnTopic() {
        Set<String> topics = new HashSet<>();
        for (JsonNode topic : prod.strimzi("KafkaTopic")) {
            assertEquals(3, topic.path("spec").path("replicas").asInt(), topic.path("metadata").path("name").asText());
            assertEquals("2", topic.path("spec").path("config").path("min.insync.replicas").asText());
            topics.add(topic.path("spec").path("topicName").asText());
        }
        for (JsonNode user : prod.strimzi("KafkaUser")) {
            String app = user.path("metadata").path("name").asText();
            Set<String> written = new HashSet<>();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                for (JsonNode op : acl.path("operations")) {
                    if (op.asText().equals("Write")) {
                        written.add(acl.path("resource").path("name").asText());
                    }
                }
            }
            assertEquals(app.equals("gateway") ? Set.of() : Set.of("shequ." + app + ".v1"), written, app);
            assertTrue(topics.containsAll(written), app + " writes a topic that is not declared");
            assertEquals(app + "-kafka", user.path("spec").path("authentication").path("password").path("valueFrom")
                    .path("secretKeyRef").path("name").asText(), app + ": the password the app's own Secret holds");
        }
    }

    @Test
    void prometheusScrapesEachAppWhereItsMetricsAreAndEveryAlertAndPanelReadsAMetricThatExists() throws Exception {
        Map<String, Set<String>> portsByApp = new HashMap<>();
        for (Deployment d : prod.all(Deployment.class)) {
            portsByApp.put(d.getMetadata().getName(), d.getSpec().getTemplate().getSpec().getContainers().get(0)
                    .getPorts().stream().map(p -> p.getName()).collect(Collectors.toSet()));
        }
        Map<String, String> scrapedOn = new HashMap<>();
        for (PodMonitor monitor : prod.all(PodMonitor.class)) {
            for (Deployment d : prod.all(Deployment.class)) {
                if (NetworkPolicyWalk.matches(monitor.getSpec().getSelector(), d.getSpec().getTemplate().getMetadata().getLabels())) {
                    monitor.getSpec().getPodMetricsEndpoints().forEach(e -> scrapedOn.put(d.getMetadata().getName(), e.getPort()));
                }
            }
        }
        for (String app : APPS) {
            assertEquals(app.equals("gateway") ? "management" : "http", scrapedOn.get(app), app);
            assertTrue(portsByApp.get(app).contains(scrapedOn.get(app)), app);
        }
        String code = sources();
        List<String> expressions = new ArrayList<>();
        for (PrometheusRule rule : prod.all(PrometheusRule.class)) {
            rule.getSpec().getGroups().forEach(g -> g.getRules().forEach(r -> expressions.add(r.getExpr().getStrVal())));
        }
        Set<String> alerts = new HashSet<>();
        prod.all(PrometheusRule.class).forEach(rule -> rule.getSpec().getGroups()
                .forEach(g -> g.getRules().forEach(r -> alerts.add(r.getAlert()))));
        assertTrue(alerts.containsAll(Set.of("ShequOutboxLagging", "ShequDeadLettersParked", "ShequUpstreamBreakerOpen",
                "ShequServerErrors", "ShequConsumerLagGrowing")), alerts.toString());
        expressions.addAll(dashboardExpressions());
        Pattern metric = Pattern.compile("\\b(shequ_[a-z_]+)");
        for (String expression : expressions) {
            Matcher names = metric.matcher(expression);
            while (names.find()) {
                String micrometer = names.group(1).replaceAll("_(seconds_)?(count|bucket|sum|total)$", "")
                        .replaceAll("_seconds$", "").replace('_', '.');
                assertTrue(code.contains("\"" + micrometer + "\"") || code.contains("\"" + micrometer + ".seconds\""),
                        names.group(1) + " (" + micrometer + ") is read by " + expression + " and served by no app");
            }
            if (expression.contains("kafka_consumergroup_lag")) {
                assertFalse(prod.strimzi("Kafka").get(0).path("spec").path("kafkaExporter").isMissingNode());
            }
        }
    }

    private static List<String> dashboardExpressions() throws IOException {
        JsonNode dashboard = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                Files.readString(Rendered.K8S.resolve("components/grafana-dashboard/shequ-dashboard.json")));
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> expressions.add(t.path("expr").asText())));
        return expressions;
    }

    /** Every metric name the apps register, as Micrometer names in their sources. */
    private static String sources() throws IOException {
        StringBuilder all = new StringBuilder();
        Path home = Rendered.K8S.resolve("../..").normalize();
        for (Path root : List.of(home.resolve("services"), home.resolve("gateway/src/main"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("src/main"))
                        .toList()) {
                    all.append(Files.readString(f));
                }
            }
        }
        return all.toString();
    }

    @Test
    void onlyThePublicPathsAreRoutedAndOnlyTheEventStreamMayStayOpen() {
        List<HTTPRoute> routes = prod.all(HTTPRoute.class);
        assertEquals(1, routes.size());
        assertEquals(List.of(), prod.all(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
                "Ingress is the optional component, not the default");
        Set<String> routed = new HashSet<>();
        for (HTTPRouteRule rule : routes.get(0).getSpec().getRules()) {
            rule.getMatches().forEach(m -> routed.add(m.getPath().getType() + " " + m.getPath().getValue()));
            boolean stream = rule.getMatches().stream().allMatch(m -> m.getPath().getValue().equals("/api/v1/events"));
            String timeout = rule.getTimeouts().getRequest();
            assertTrue(stream ? timeout.equals("3600s") : timeout.equals("60s"), routed + " " + timeout);
            rule.getBackendRefs().forEach(b -> assertEquals(8080, b.getPort(), "the gateway's public port"));
        }
        assertEquals(Set.of("PathPrefix /api/v1/events", "PathPrefix /api", "PathPrefix /open311", "PathPrefix /q/health",
                "Exact /q/openapi"), routed);
    }

    @Test
    void theBaseHasOneFolderPerAppAndNothingGeneratedIsCommitted() throws IOException {
        try (Stream<Path> dirs = Files.list(Rendered.K8S.resolve("base"))) {
            assertEquals(APPS, dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .collect(Collectors.toSet()));
        }
        for (String app : APPS) {
            List<String> files = new ArrayList<>(List.of("deployment.yaml", "service.yaml", "serviceaccount.yaml",
                    "config.env", "kustomization.yaml"));
            if (!app.equals("gateway")) {
                files.add("migrate-job.yaml");
            }
            files.forEach(f -> assertTrue(Files.exists(Rendered.K8S.resolve("base").resolve(app).resolve(f)),
                    app + "/" + f));
        }
    }

    private static List<PodSpec> pods(Rendered rendered) {
        List<PodSpec> pods = new ArrayList<>();
        rendered.all(Deployment.class).forEach(d -> pods.add(d.getSpec().getTemplate().getSpec()));
        rendered.all(Job.class).forEach(j -> pods.add(j.getSpec().getTemplate().getSpec()));
        rendered.all(io.fabric8.kubernetes.api.model.apps.StatefulSet.class)
                .forEach(s -> pods.add(s.getSpec().getTemplate().getSpec()));
        return pods;
    }

    private static void check(List<String> problems, boolean holds, String where, String rule) {
        if (!holds) {
            problems.add(where + ": " + rule);
        }
    }
}
