package org.shequ.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The gateway's own work, against the real services of a running {@code shequ up}. */
final class GatewayAcrossServices {

    private static final String GATEWAY = Suite.GATEWAY;

    private GatewayAcrossServices() {
    }

    /** A token with a broken signature is refused by the gateway; the notices service never logs the request. */
    static void tamperedTokenNeverReachesTheService(Path data, String token) throws Exception {
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        HttpResponse<String> refused = Suite.postNotice(tampered, "{\"kind\":\"GENERAL\",\"title\":\"伪造\"}");
        assertEquals(401, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
        String requestId = refused.headers().firstValue("X-Request-Id").orElseThrow();
        assertFalse(Files.readString(data.resolve("logs/notices.log")).contains(requestId),
                "the notices service saw a request the gateway refused");
    }

    /** The seed's 西铭路47号院 through the one-stop view: its compound, community and renovation, nothing degraded. */
    static void neighbourhoodOfASeededCompound() throws Exception {
        JsonNode view = Suite.getJson(GATEWAY + "/api/v1/neighbourhood?address="
                + URLEncoder.encode("迎泽区西铭路47号院3号楼", StandardCharsets.UTF_8));
        assertEquals("西铭路47号院", view.path("compound").path("name").asText(), view.toString());
        assertEquals("康乐苑社区", view.path("compound").path("community").asText(), view.toString());
        assertTrue(view.path("projects").size() >= 1, view.toString());
        assertTrue(view.path("tasks").isArray() && view.path("providers").isArray() && view.path("notices").isArray());
        assertEquals(0, view.path("degraded").size(), view.toString());
    }

    /**
     * One trace from the click to the topic: a notice created through the gateway with a traceparent is published
     * with the same trace id and the request id on its Kafka record.
     */
    static void theRequestsTraceReachesTheEventOnTheTopic(String token) throws Exception {
        String trace = "00-" + String.format("%032x", System.nanoTime()) + "-00f067aa0ba902b7-01";
        String requestId = "e2e-trace-" + System.nanoTime();
        java.net.http.HttpResponse<String> created = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/notices"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .header("traceparent", trace).header("X-Request-Id", requestId)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"kind\":\"GENERAL\",\"title\":"
                                + "\"社区通知：追踪\",\"issuer\":\"富力城社区\",\"startsAt\":\"2024-11-26T20:00:00+08:00\","
                                + "\"endsAt\":\"2024-11-27T08:00:00+08:00\",\"publish\":true}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        String id = Suite.JSON.readTree(created.body()).path("id").asText();
        var record = org.shequ.local.TopicReader.read("127.0.0.1:19092", "shequ.notices.v1", r -> id.equals(r.key()), 1,
                java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(60)).get(0);
        String sent = org.shequ.model.cloudevents.KafkaBinding.header(record.headers(), "ce_traceparent");
        assertEquals(trace.substring(3, 35), sent.substring(3, 35), sent);
        assertEquals(requestId, org.shequ.model.cloudevents.KafkaBinding.header(record.headers(), "ce_requestid"));
    }

    /**
     * A phone on a bad network sends its create again with the same Idempotency-Key: through the gateway it gets the
     * first answer, the notice exists once and its event is on the topic once; the same key with another body is a
     * 422 problem.
     */
    static void aRetriedCreateIsOneNoticeAndOneEvent(String token) throws Exception {
        String key = "\"e2e-" + java.util.UUID.randomUUID() + "\"";
        String title = "停水通知：重试" + System.nanoTime();
        String body = "{\"kind\":\"GENERAL\",\"title\":\"" + title + "\",\"issuer\":\"富力城社区\","
                + "\"startsAt\":\"2024-11-26T20:00:00+08:00\",\"endsAt\":\"2024-11-27T08:00:00+08:00\","
                + "\"publish\":true}";
        java.net.http.HttpResponse<String> first = createWithKey(token, key, body);
        java.net.http.HttpResponse<String> retried = createWithKey(token, key, body);
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(201, retried.statusCode(), retried.body());
        String id = Suite.JSON.readTree(first.body()).path("id").asText();
        assertEquals(id, Suite.JSON.readTree(retried.body()).path("id").asText());
        assertEquals(first.headers().firstValue("Location"), retried.headers().firstValue("Location"));
        assertEquals(1, Suite.getJson(GATEWAY + "/api/v1/notices?q=" + java.net.URLEncoder.encode(title,
                StandardCharsets.UTF_8)).path("items").size(), "one notice");
        assertEquals(1, org.shequ.local.TopicReader.read("127.0.0.1:19092", "shequ.notices.v1",
                r -> id.equals(r.key()), 1, java.time.Duration.ofSeconds(3), java.time.Duration.ofSeconds(60)).size(),
                "one event");
        java.net.http.HttpResponse<String> other = createWithKey(token, key, body.replace("重试", "另一个"));
        assertEquals(422, other.statusCode(), other.body());
        assertEquals("urn:shequ:problem:idempotency-key-reused",
                Suite.JSON.readTree(other.body()).path("type").asText());
    }

    private static java.net.http.HttpResponse<String> createWithKey(String token, String key, String body)
            throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/notices"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A notice published through the gateway arrives on the gateway's event stream, as its CloudEvent. */
    static void publishedNoticeArrivesOnTheEventStream(String token) throws Exception {
        HttpURLConnection stream = (HttpURLConnection) URI.create(GATEWAY
                + "/api/v1/events?types=shequ.notices.notice.published.v1").toURL().openConnection();
        stream.setReadTimeout(30_000);
        assertEquals(200, stream.getResponseCode());
        assertTrue(stream.getContentType().startsWith("text/event-stream"));
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream.getInputStream(), StandardCharsets.UTF_8));
        String first = lines.readLine();
        assertTrue(first.startsWith("retry:") || first.startsWith("id:"), first);
        CompletableFuture<String> published = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data: ")) {
                        return line.substring(6);
                    }
                }
                return null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(1_000); // the stream positions itself at the end of each partition before the notice is made
        String location = Suite.createWaterOutage(token, "停水通知：事件流", "e2e-sse-" + System.nanoTime())
                .headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        JsonNode event = Suite.JSON.readTree(published.get(60, TimeUnit.SECONDS));
        assertEquals("shequ.notices.notice.published.v1", event.path("type").asText(), event.toString());
        assertEquals(id, event.path("subject").asText(), event.toString());
        stream.disconnect();
    }

    /**
     * The Java client generated at build time from the merged document (deploy/e2e's pom), typed end to end through
     * the gateway: it creates a notice (and sends it again with its Idempotency-Key, getting the same one) and gets a
     * {@code NoticeView} back, reads it with its ETag, changes it with
     * {@code If-Match}, lists one page of notices and of renovation compounds (a second service), each as its own
     * model class; the document it was generated from has the same operations the gateway serves.
     */
    static void generatedClientCreatesReadsChangesAndListsTyped(String token) throws Exception {
        org.shequ.client.ApiClient client = new org.shequ.client.ApiClient();
        client.updateBaseUri(GATEWAY);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        org.shequ.client.api.NoticesApi notices = new org.shequ.client.api.NoticesApi(client);
        java.time.OffsetDateTime tomorrow = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).plusDays(1)
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        org.shequ.client.model.NoticeRequest request = new org.shequ.client.model.NoticeRequest()
                .kind(org.shequ.client.model.NoticeKind.WATER_OUTAGE)
                .title("停水通知：生成的客户端")
                .issuer("太原供水集团有限公司")
                .startsAt(tomorrow)
                .endsAt(tomorrow.plusHours(12))
                .addAreasItem(new org.shequ.client.model.NoticesAreaDto().road("新建路").side("路东"))
                .publish(true);
        String key = "\"" + java.util.UUID.randomUUID() + "\"";
        org.shequ.client.model.NoticeView created = notices.postNotices(request, key);
        assertEquals(created.getId(), notices.postNotices(request, key).getId(), "the retry with its key: one notice");
        assertEquals(org.shequ.client.model.NoticeStatus.PUBLISHED, created.getStatus());
        assertNull(created.getCancelledAt(), "a null the document marks nullable reads as null");

        org.shequ.client.ApiResponse<org.shequ.client.model.NoticeView> read =
                notices.getNoticesByIdWithHttpInfo(created.getId(), null);
        assertEquals("路东", read.getData().getAreas().get(0).getSide());
        String etag = read.getHeaders().get("etag").get(0);
        org.shequ.client.model.NoticeView changed = notices.putNoticesById(created.getId(), etag,
                new org.shequ.client.model.NoticeUpdate()
                        .kind(created.getKind()).title("停水通知：生成的客户端（延长）").issuer(created.getIssuer())
                        .startsAt(created.getStartsAt()).endsAt(created.getEndsAt().plusHours(2))
                        .areas(created.getAreas()));
        assertEquals("停水通知：生成的客户端（延长）", changed.getTitle());
        assertTrue(changed.getSequence() > created.getSequence(), "a change to a published notice raises sequence");

        org.shequ.client.model.PageNoticeView page = notices.getNotices(null, null, null, null, null, 1, null,
                null, null);
        assertEquals(1, page.getItems().size());
        assertNotNull(page.getNextCursor(), "more than one notice: a cursor to the next page");
        org.shequ.client.model.PageCompoundView compounds = new org.shequ.client.api.CompoundsApi(client)
                .getRenovationsCompounds(null, null, null, 1);
        assertEquals(1, compounds.getItems().size());
        assertFalse(compounds.getItems().get(0).getName().isEmpty());

        JsonNode built = Suite.JSON.readTree(Suite.HOME.resolve("deploy/e2e/target/shequ-openapi-build.json").toFile());
        assertEquals(operationIds(built), operationIds(Suite.getJson(GATEWAY + "/q/openapi")),
                "the client was generated from the document the gateway serves");
    }

    private static java.util.Set<String> operationIds(JsonNode doc) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        doc.path("paths").forEach(item -> item.forEach(op -> {
            if (op.has("operationId")) {
                ids.add(op.get("operationId").asText());
            }
        }));
        return ids;
    }

    /** The merged document passes Spectral's OpenAPI ruleset with nothing to report and Redocly's recommended one with
     * no error (the script installs both). */
    static void mergedOpenApiPassesSpectral() throws Exception {
        Path doc = Suite.HOME.resolve("deploy/e2e/target/shequ-openapi.json");
        JsonNode merged = Suite.getJson(GATEWAY + "/q/openapi");
        assertFalse(merged.has("x-shequ-missing"), merged.path("x-shequ-missing").toString());
        Files.writeString(doc, merged.toString());
        Process lint = new ProcessBuilder(Suite.HOME.resolve("deploy/openapi-lint").toString(), doc.toString())
                .redirectErrorStream(true).start();
        String out = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(lint.waitFor(300, TimeUnit.SECONDS), out);
        assertEquals(0, lint.exitValue(), out);
        assertTrue(out.contains("No results with a severity of 'hint' or higher found!"), out);
    }
}
