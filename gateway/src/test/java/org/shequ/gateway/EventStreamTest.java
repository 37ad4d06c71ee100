package org.shequ.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;

/**
 * The public event stream on the real broker: a client that reads two events, goes away while three more are
 * published, and comes back with its Last-Event-ID gets exactly those three, once each and in order; personal data is
 * masked and the filters hold.
 */
@QuarkusTest
@QuarkusTestResource(value = StubServices.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ShequInfraResource.class, restrictToAnnotatedClass = true)
class EventStreamTest extends ThroughTheEdge {

    private static final String TOPIC = "shequ.food-inspections.v1";
    private static final String TYPE = "shequ.food-inspections.provider.registered.v1";

    record Event(String id, String type, String data) {
    }

    @Test
    void aClientThatReconnectsWithItsLastEventIdGetsWhatItMissedOnceEach() throws Exception {
        String run = "run-" + System.nanoTime();
        publish(run, 0);
        try (Stream first = Stream.open("community=" + run)) {
            publish(run, 1);
            publish(run, 2);
            List<Event> seen = first.read(2);
            assertEquals(List.of("1", "2"), seen.stream().map(e -> seq(e)).toList(), "only events after it connected");
            assertTrue(seen.get(0).data().contains("\"phone\":\"138****1234\""), seen.get(0).data());
            assertTrue(seen.get(0).data().contains("\"operatorName\":\"王*\""), seen.get(0).data());
            assertFalse(seen.get(0).data().contains("13812341234"));
            String last = seen.get(1).id();
            first.close();
            publish(run, 3);
            publish(run, 4);
            publish(run, 5);
            publish("another-community-" + run, 99);
            try (Stream second = Stream.open("community=" + run, last)) {
                publish(run, 6);
                assertEquals(List.of("3", "4", "5", "6"), second.read(4).stream().map(e -> seq(e)).toList());
            }
        }
        given().header("Last-Event-ID", "not a position").get("/api/v1/events").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aDraftNeverReachesAnAnonymousClientAndThePublishedNoticeIsFoundByItsCommunity() throws Exception {
        String run = "社区-" + System.nanoTime();
        String notice = "{\"noticeId\":\"n-" + run + "\",\"sequence\":0,\"notice\":{\"kind\":\"WATER_OUTAGE\","
                + "\"title\":\"停水通知\",\"community\":\"" + run + "\"}}";
        try (Stream stream = Stream.open("community=" + java.net.URLEncoder.encode(run, StandardCharsets.UTF_8))) {
            // Same key, same partition: were the draft sent, it would arrive before the published notice.
            send("shequ.notices.v1", "n-" + run, "shequ.notices.notice.drafted.v1", "draft-" + run, notice);
            send("shequ.notices.v1", "n-" + run, "shequ.notices.notice.published.v1", "pub-" + run, notice);
            Event first = stream.read(1).get(0);
            assertEquals("pub-" + run, eventId(first), first.data());
            assertEquals("shequ.notices.notice.published.v1", first.type());
        }
    }

    @Test
    void internalTasksAndFreshDrawsNeverReachTheStreamAndAResidentsReportShowsWhatOpen311Shows() throws Exception {
        String run = "run-" + System.nanoTime();
        try (Stream stream = Stream.open("types=shequ.grid-tasks.task.reported.v1,"
                + "shequ.food-inspections.spot-check.drawn.v1,shequ.food-inspections.provider.registered.v1")) {
            send("shequ.grid-tasks.v1", "t-" + run, "shequ.grid-tasks.task.reported.v1", "visit-" + run,
                    "{\"taskId\":\"t-" + run + "\",\"title\":\"隐患\",\"gridId\":\"g-1\",\"source\":\"WORKER_VISIT\"}");
            send("shequ.grid-tasks.v1", "t-" + run, "shequ.grid-tasks.task.reported.v1", "report-" + run,
                    "{\"taskId\":\"t-" + run + "\",\"category\":\"CLUTTER_CLEARANCE\",\"title\":\"楼道杂物\","
                            + "\"gridId\":\"g-1\",\"compound\":\"胜利东街7号院\",\"priority\":\"HIGH\","
                            + "\"source\":\"RESIDENT_REPORT\",\"inspectionId\":null}");
            Event report = stream.read(1).get(0);
            assertEquals("report-" + run, eventId(report), report.data());
            assertTrue(report.data().contains("胜利东街7号院"), report.data());
            assertFalse(report.data().contains("gridId") || report.data().contains("priority"), report.data());

            send(TOPIC, "s-" + run, "shequ.food-inspections.spot-check.drawn.v1", "draw-" + run,
                    "{\"spotCheckId\":\"s-" + run + "\",\"picks\":[{\"providerId\":\"p-1\"}]}");
            send(TOPIC, "s-" + run, TYPE, "ledger-" + run, "{\"community\":\"" + run + "\",\"name\":\"午托\"}");
            Event next = stream.read(1).get(0);
            assertEquals("ledger-" + run, eventId(next), next.data());
        }
    }

    @Test
    void aForgedExpiredOrUnsignedTokenOnTheStreamIs401() {
        String unsigned = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + java.util.Base64.getUrlEncoder()
                .withoutPadding().encodeToString(("{\"sub\":\"x\",\"groups\":[\"district-admin\"],\"exp\":"
                        + (System.currentTimeMillis() / 1000 + 600) + "}").getBytes(StandardCharsets.UTF_8)) + ".";
        for (String token : new String[] {TestInfra.get().foreignToken("district-admin"),
            TestInfra.get().expiredToken("district-admin"), unsigned}) {
            given().header("Authorization", "Bearer " + token).get("/api/v1/events").then().statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aClientOpeningMoreStreamsThanItsCapGets429() throws Exception {
        String token = TestInfra.get().token("integration", "stream-hog");
        List<Stream> open = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                open.add(Stream.openAs(token));
            }
            given().header("Authorization", "Bearer " + token).get("/api/v1/events").then().statusCode(429)
                    .contentType("application/problem+json").header("Retry-After", "10");
            String other = TestInfra.get().token("integration", "stream-calm");
            try (Stream calm = Stream.openAs(other)) {
                assertTrue(calm != null, "another client is not held back");
            }
        } finally {
            open.forEach(Stream::close);
        }
    }

    /** The CloudEvent id the stream sent: the {@code id} of the event's JSON, not the SSE position. */
    private static String eventId(Event event) {
        int at = event.data().indexOf("\"id\":\"");
        return event.data().substring(at + 6, event.data().indexOf('"', at + 6));
    }

    private static void send(String topic, String key, String type, String id, String data) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrap());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data);
            record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_source", "/shequ/test".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    private static String seq(Event event) {
        int at = event.data().indexOf("\"seq\":");
        return event.data().substring(at + 6, event.data().indexOf('}', at)).strip();
    }

    private static void publish(String community, int seq) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrap());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            String key = "provider-" + (seq % 3);
            ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key,
                    "{\"community\":\"" + community + "\",\"name\":\"阳光午托\",\"operatorName\":\"王芳\","
                            + "\"phone\":\"13812341234\",\"seq\":" + seq + "}");
            record.headers().add("ce_id", ("evt-" + community + "-" + seq).getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", TYPE.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_source", "/shequ/food-inspections".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    /** A minimal SSE client over a plain connection, reading events as they arrive. */
    static final class Stream implements AutoCloseable {
        private final HttpURLConnection connection;
        private final BufferedReader reader;

        private Stream(HttpURLConnection connection) throws Exception {
            this.connection = connection;
            this.reader = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
        }

        static Stream openAs(String token) throws Exception {
            return open("", token, new String[0]);
        }

        static Stream open(String query, String... lastEventId) throws Exception {
            return open(query, null, lastEventId);
        }

        private static Stream open(String query, String token, String[] lastEventId) throws Exception {
            HttpURLConnection c = (HttpURLConnection) URI.create(io.restassured.RestAssured.baseURI + ":"
                    + io.restassured.RestAssured.port + "/api/v1/events?" + query).toURL().openConnection();
            c.setReadTimeout(20_000);
            if (token != null) {
                c.setRequestProperty("Authorization", "Bearer " + token);
            }
            if (lastEventId.length > 0) {
                c.setRequestProperty("Last-Event-ID", lastEventId[0]);
            }
            assertEquals(200, c.getResponseCode());
            assertEquals("no", c.getHeaderField("X-Accel-Buffering"));
            Stream stream = new Stream(c);
            stream.awaitPosition();
            return stream;
        }

        /** The first id line, sent before any event: the stream is positioned from then on. */
        private void awaitPosition() throws Exception {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("id: ")) {
                    return;
                }
            }
        }

        List<Event> read(int count) throws Exception {
            List<Event> events = new ArrayList<>();
            String id = null;
            String type = null;
            String data = null;
            String line;
            while (events.size() < count && (line = reader.readLine()) != null) {
                if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                } else if (line.isEmpty() && data != null) {
                    events.add(new Event(id, type, data));
                    data = null;
                }
            }
            return events;
        }

        @Override
        public void close() {
            connection.disconnect();
        }
    }
}
