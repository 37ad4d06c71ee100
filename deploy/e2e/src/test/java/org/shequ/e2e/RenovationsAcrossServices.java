package org.shequ.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.shequ.local.TopicReader;
import org.shequ.model.cloudevents.KafkaBinding;

/** Renovations as residents meet them through the whole stack: the district's figures, and works that become notices. */
final class RenovationsAcrossServices {

    private static final String GATEWAY = Suite.GATEWAY;
    private static final String BROKER = "127.0.0.1:19092";

    private RenovationsAcrossServices() {
    }

    /** After seeding (twice), 迎泽区 2023 reads exactly as the newspaper page, and 戎大娘's wish is answered. */
    static void seededFiguresAndTheAnsweredWish() throws Exception {
        JsonNode stats = Suite.getJson(GATEWAY + "/api/v1/renovations/stats?district="
                + URLEncoder.encode("迎泽区", StandardCharsets.UTF_8) + "&year=2023");
        assertEquals(253, stats.path("compoundsCompleted").asInt(), stats.toString());
        assertEquals(0, stats.path("floorAreaM2").decimalValue().compareTo(new java.math.BigDecimal("3914000")),
                stats.toString());
        assertEquals(43559, stats.path("households").asInt(), stats.toString());
        JsonNode wishes = Suite.getJson(GATEWAY + "/api/v1/renovations/requests?limit=200").path("items");
        boolean answered = false;
        for (JsonNode wish : wishes) {
            answered |= wish.path("text").asText().contains("广场舞") && wish.path("status").asText().equals("ANSWERED")
                    && wish.path("answeredOn").asText().equals("2024-11-22");
        }
        assertTrue(answered, wishes.toString());
    }

    /**
     * A disruption posted on a project (renovations) becomes one published notice (notices) that "am I affected?"
     * finds for an address on the road; delivering its event again adds nothing; a change raises the notice's
     * sequence; a cancellation cancels it.
     */
    static void disruptionBecomesOneNotice(Path data) throws Exception {
        String admin = Suite.shequ(data, "token", "district-admin", "e2e-district").strip();
        String road = "西铭路" + UUID.randomUUID().toString().substring(0, 4);
        ZonedDateTime today = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).withHour(8).withMinute(0).withSecond(0)
                .withNano(0);
        String compound = Suite.post(GATEWAY + "/api/v1/renovations/compounds", admin, Map.of("name",
                "西铭路" + road.substring(3) + "号院", "district", "迎泽区", "community", "康乐苑社区"), 201)
                .path("id").asText();
        String project = Suite.post(GATEWAY + "/api/v1/renovations/projects", admin, Map.of("compoundId", compound,
                "title", "管网改造", "category", "BASIC", "plannedStart", today.toLocalDate().toString(),
                "plannedEnd", today.toLocalDate().plusDays(30).toString()), 201).path("id").asText();
        String disruptions = GATEWAY + "/api/v1/renovations/projects/" + project + "/disruptions";
        String disruption = Suite.post(disruptions, admin, body(road, today.plusDays(2), today.plusDays(4)), 201)
                .path("id").asText();

        String affecting = GATEWAY + "/api/v1/notices/affecting?address=" + URLEncoder.encode(road + "18号",
                StandardCharsets.UTF_8);
        String notice = awaitValue(() -> {
            JsonNode items = Suite.getJson(affecting).path("items");
            return items.size() == 1 ? items.path(0).path("id").asText() : null;
        });
        JsonNode shown = Suite.getJson(GATEWAY + "/api/v1/notices/" + notice);
        assertEquals("ROAD_CLOSURE", shown.path("kind").asText());
        assertEquals("康乐苑社区", shown.path("issuer").asText());

        double duplicatesBefore = duplicates();
        List<ConsumerRecord<String, byte[]>> announced = TopicReader.read(BROKER, "shequ.renovations.v1",
                r -> project.equals(r.key()) && "shequ.renovations.project.disruption-announced.v1".equals(
                        KafkaBinding.header(r.headers(), KafkaBinding.CE_TYPE)), 1, Duration.ofSeconds(2),
                Duration.ofSeconds(30));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER), new StringSerializer(), new ByteArraySerializer())) {
            ConsumerRecord<String, byte[]> record = announced.get(0);
            producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers()))
                    .get();
        }
        awaitValue(() -> duplicates() > duplicatesBefore ? "skipped" : null);
        assertEquals(1, Suite.getJson(affecting).path("items").size(), "delivered twice, shown once");

        String etag = Suite.send("GET", disruptions + "/" + disruption, admin, null, Map.of()).headers()
                .firstValue("ETag").orElseThrow();
        HttpResponse<String> changed = Suite.send("PUT", disruptions + "/" + disruption, admin, etag,
                body(road, today.plusDays(2), today.plusDays(5)));
        assertEquals(200, changed.statusCode(), changed.body());
        awaitValue(() -> Suite.getJson(GATEWAY + "/api/v1/notices/" + notice).path("sequence").asInt() == 1 ? "1" : null);

        Suite.post(disruptions + "/" + disruption + "/cancel", admin, Map.of("reason", "改为夜间施工"), 200);
        awaitValue(() -> "CANCELLED".equals(Suite.getJson(GATEWAY + "/api/v1/notices/" + notice).path("status")
                .asText()) ? "cancelled" : null);
    }

    private static Map<String, Object> body(String road, ZonedDateTime startsAt, ZonedDateTime endsAt) {
        return Map.of("kind", "ROAD_CLOSURE", "startsAt", startsAt.toOffsetDateTime().toString(),
                "endsAt", endsAt.toOffsetDateTime().toString(), "description", "管网开挖，封闭半幅道路",
                "areas", List.of(Map.of("road", road, "side", "路北")));
    }

    /** Events the notices service's inbox skipped as already handled. */
    private static double duplicates() throws Exception {
        HttpResponse<String> metrics = Suite.send("GET", "http://127.0.0.1:8081/q/metrics", "none", null, Map.of());
        return metrics.body().lines().filter(l -> l.startsWith("shequ_inbox_duplicates_total{consumer=\"renovation-disruptions\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static String awaitValue(Callable<String> probe) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            String value = probe.call();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 60 s");
            }
            Thread.sleep(200);
        }
    }
}
