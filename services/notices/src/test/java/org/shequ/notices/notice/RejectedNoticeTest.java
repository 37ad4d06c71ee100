package org.shequ.notices.notice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shequ.notices.notice.NoticeFixtures.bearer;
import static org.shequ.notices.notice.NoticeFixtures.waterOutage;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shequ.model.events.Topics;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;
import org.shequ.local.TopicReader;

/** Bad input gets a 400 problem+json naming the field, writes no row and publishes no event. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class RejectedNoticeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"kind\": \"WATER_OUTAGE\", \"title\": \"停水通知\",", "body", "malformed-json"),
                Arguments.of("missing title", without("title"), "title", "validation-failed"),
                Arguments.of("unknown kind", with("kind", "EARTHQUAKE"), "kind", "validation-failed"),
                Arguments.of("endsAt before startsAt", with("endsAt", "2024-11-26T19:59:59+08:00"), "endsAt", "validation-failed"),
                Arguments.of("100 KB title", with("title", "停".repeat(100 * 1024 / 3)), "title", "validation-failed"),
                Arguments.of("instant without offset", with("startsAt", "2024-11-26T20:00:00"), "startsAt", "validation-failed"),
                Arguments.of("area with neither road nor compound", with("areas", java.util.List.of(Map.of("side", "路东"))),
                        "areas[0].located", "validation-failed"),
                Arguments.of("array instead of object", "[]", "body", "validation-failed"),
                Arguments.of("empty body", "", "body", "validation-failed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badInputIsA400ProblemAndChangesNothing(String name, String body, String field, String type) throws Exception {
        long notices = NoticeFixtures.notices();
        long events = NoticeFixtures.outboxEvents();

        var response = given().contentType(ContentType.JSON).header("Authorization", bearer("community-admin"))
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/notices")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:shequ:problem:" + type))
                .body("status", equalTo(400))
                .body("title", notNullValue())
                .body("detail", notNullValue());
        if (type.equals("validation-failed")) {
            response.body("errors.field", hasItem(field));
        }

        assertEquals(notices, NoticeFixtures.notices(), "notice rows");
        assertEquals(events, NoticeFixtures.outboxEvents(), "outbox rows");
    }

    @Test
    void rejectedNoticesNeverReachTheTopic() throws Exception {
        String marker = "REJECTED-" + UUID.randomUUID();
        for (Arguments bad : badBodies().toList()) {
            String body = ((String) bad.get()[1]).replace("停水通知", marker);
            given().contentType(ContentType.JSON).header("Authorization", bearer("community-admin"))
                    .body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/notices").then().statusCode(400);
        }
        var leaked = TopicReader.read(TestInfra.get().kafkaBootstrap(), Topics.NOTICES,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker), 0, Duration.ofSeconds(3),
                Duration.ofSeconds(10));
        assertEquals(0, leaked.size());
    }

    @Test
    void wrongMethodMediaTypeOrSizeIsAProblemToo() throws Exception {
        long notices = NoticeFixtures.notices();
        given().header("Authorization", bearer("community-admin")).delete("/api/v1/notices")
                .then().statusCode(405).contentType("application/problem+json").body("status", equalTo(405));
        given().contentType(ContentType.TEXT).header("Authorization", bearer("community-admin")).body("停水通知")
                .post("/api/v1/notices")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
        given().contentType(ContentType.JSON).header("Authorization", bearer("community-admin"))
                .body(with("reason", "停".repeat(1_200_000)).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/notices")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        assertEquals(notices, NoticeFixtures.notices());
    }

    @Test
    void everyInvalidFieldIsListedAtOnce() {
        Map<String, Object> body = waterOutage("");
        body.remove("kind");
        body.put("issuer", " ");
        given().contentType(ContentType.JSON).header("Authorization", bearer("community-admin")).body(body)
                .post("/api/v1/notices")
                .then().statusCode(400)
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("kind"))
                .body("errors.field", hasItem("issuer"));
    }

    @Test
    void badListParametersAreA400NamingThem() {
        given().get("/api/v1/notices?limit=0").then().statusCode(400).body("errors.field", hasItem("limit"));
        given().get("/api/v1/notices?limit=201").then().statusCode(400).body("errors.field", hasItem("limit"));
        given().get("/api/v1/notices?limit=abc").then().statusCode(400).body("errors.field", hasItem("limit"));
        given().get("/api/v1/notices?cursor=garbage!").then().statusCode(400).body("errors.field", hasItem("cursor"));
        given().get("/api/v1/notices?kind=FLOOD&activeAt=tomorrow").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("kind"))
                .body("errors.field", hasItem("activeAt"));
    }

    private static String without(String field) {
        Map<String, Object> body = waterOutage("停水通知");
        body.remove(field);
        return write(body);
    }

    private static String with(String field, Object value) {
        Map<String, Object> body = waterOutage("停水通知");
        body.put(field, value);
        return write(body);
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
