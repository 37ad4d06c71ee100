package org.shequ.notices.notice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shequ.notices.notice.NoticeFixtures.bearer;
import static org.shequ.notices.notice.NoticeFixtures.content;
import static org.shequ.notices.notice.NoticeFixtures.create;
import static org.shequ.notices.notice.NoticeFixtures.etag;
import static org.shequ.notices.notice.NoticeFixtures.seedNoticeFromNow;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shequ.testing.ShequInfraResource;

/**
 * Every write endpoint of a notice after its creation (PUT, publish, cancel), and "am I affected?", answer bad input
 * with a 4xx problem and change nothing: no row, no event, the notice as it was. (Bad bodies on create are in
 * RejectedNoticeTest and StrictNoticeInputTest.)
 */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class RejectedChangeTest {

    /** Notices the rows act on: a published one with its ETag, a draft and a cancelled one. */
    record Targets(String published, String etag, String draft, String cancelled) {
    }

    static Stream<Arguments> badChanges() {
        return Stream.of(
                row("PUT without If-Match", 428, (t, r) -> r.body(valid()).put(path(t.published))),
                row("PUT with a stale If-Match", 412, (t, r) -> r.header("If-Match", "\"999\"").body(valid()).put(path(t.published))),
                row("PUT with an If-Match that is no ETag", 400, (t, r) -> r.header("If-Match", "abc").body(valid()).put(path(t.published))),
                row("PUT on a notice that does not exist", 404, (t, r) -> r.header("If-Match", "\"0\"").body(valid()).put(path(UUID.randomUUID().toString()))),
                row("PUT with an unknown field", 400, (t, r) -> r.header("If-Match", t.etag).body(with("colour", "red")).put(path(t.published))),
                row("PUT with endsAt before startsAt", 400, (t, r) -> r.header("If-Match", t.etag).body(with("endsAt", "2020-01-01T00:00:00+08:00")).put(path(t.published))),
                row("PUT with an area of neither road nor compound", 400, (t, r) -> r.header("If-Match", t.etag).body(with("areas", List.of(Map.of("side", "路东")))).put(path(t.published))),
                row("PUT taking every area from a water outage", 400, (t, r) -> r.header("If-Match", t.etag).body(with("areas", List.of())).put(path(t.published))),
                row("PUT with a number for kind", 400, (t, r) -> r.header("If-Match", t.etag).body(with("kind", 0)).put(path(t.published))),
                row("PUT with a number for startsAt", 400, (t, r) -> r.header("If-Match", t.etag).body(with("startsAt", 1732622400)).put(path(t.published))),
                row("PUT with a NUL in the title", 400, (t, r) -> r.header("If-Match", t.etag).body(with("title", "停水\u0000通知")).put(path(t.published))),
                row("PUT with a 201-character title", 400, (t, r) -> r.header("If-Match", t.etag).body(with("title", "停".repeat(201))).put(path(t.published))),
                row("PUT with an array body", 400, (t, r) -> r.header("If-Match", t.etag).body("[]").put(path(t.published))),
                row("PUT with malformed JSON", 400, (t, r) -> r.header("If-Match", t.etag).body("{\"title\":").put(path(t.published))),
                row("PUT with publish, which only POST takes", 400, (t, r) -> r.header("If-Match", t.etag).body(with("publish", true)).put(path(t.published))),
                row("PUT on a cancelled notice", 409, (t, r) -> r.header("If-Match", etag(t.cancelled)).body(valid()).put(path(t.cancelled))),
                row("PUT as text/plain", 415, (t, r) -> r.contentType(ContentType.TEXT).header("If-Match", t.etag).body("停水").put(path(t.published))),
                row("PUT without a token", 401, (t, r) -> given().contentType(ContentType.JSON).header("If-Match", t.etag).body(valid()).put(path(t.published))),
                row("PUT as a resident", 403, (t, r) -> given().contentType(ContentType.JSON).header("Authorization", bearer("resident")).header("If-Match", t.etag).body(valid()).put(path(t.published))),
                row("publish a published notice", 409, (t, r) -> r.post(path(t.published) + "/publish")),
                row("publish with a stale If-Match", 412, (t, r) -> r.header("If-Match", "\"999\"").post(path(t.draft) + "/publish")),
                row("publish a notice that does not exist", 404, (t, r) -> r.post(path(UUID.randomUUID().toString()) + "/publish")),
                row("cancel without a reason", 400, (t, r) -> r.body(Map.of()).post(path(t.published) + "/cancel")),
                row("cancel with a blank reason", 400, (t, r) -> r.body(Map.of("reason", "  ")).post(path(t.published) + "/cancel")),
                row("cancel with a NUL in the reason", 400, (t, r) -> r.body(Map.of("reason", "提前\u0000完工")).post(path(t.published) + "/cancel")),
                row("cancel with a number for the reason", 400, (t, r) -> r.body(Map.of("reason", 42)).post(path(t.published) + "/cancel")),
                row("cancel with a 501-character reason", 400, (t, r) -> r.body(Map.of("reason", "因".repeat(501))).post(path(t.published) + "/cancel")),
                row("cancel with an unknown field", 400, (t, r) -> r.body(Map.of("reason", "提前完工", "notify", true)).post(path(t.published) + "/cancel")),
                row("cancel with no body", 400, (t, r) -> r.post(path(t.published) + "/cancel")),
                row("cancel a draft", 409, (t, r) -> r.body(Map.of("reason", "不发了")).post(path(t.draft) + "/cancel")),
                row("cancel a cancelled notice", 409, (t, r) -> r.body(Map.of("reason", "再次取消")).post(path(t.cancelled) + "/cancel")),
                row("DELETE a notice", 405, (t, r) -> r.delete(path(t.published))),
                row("an address over 200 characters", 400, (t, r) -> given().queryParam("address", "新".repeat(201)).get("/api/v1/notices/affecting")),
                row("no address", 400, (t, r) -> given().get("/api/v1/notices/affecting")),
                row("an address of punctuation only", 400, (t, r) -> given().queryParam("address", "（）、 ").get("/api/v1/notices/affecting")));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("badChanges")
    void badChangeIsA4xxProblemAndChangesNothing(String name, int status,
            BiFunction<Targets, RequestSpecification, Response> send) throws Exception {
        Targets targets = targets();
        long rows = NoticeFixtures.notices();
        long events = NoticeFixtures.outboxEvents();

        send.apply(targets, given().contentType(ContentType.JSON).header("Authorization", bearer("community-admin")))
                .then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status));

        assertEquals(rows, NoticeFixtures.notices(), "notice rows");
        assertEquals(events, NoticeFixtures.outboxEvents(), "outbox rows");
        assertEquals(targets.etag, etag(targets.published), "the published notice is as it was");
    }

    private static Targets targets() {
        String published = create(seedNoticeFromNow(0, 2));
        Map<String, Object> draft = seedNoticeFromNow(1, 2);
        draft.remove("publish");
        String cancelled = create(seedNoticeFromNow(0, 2));
        given().contentType(ContentType.JSON).header("Authorization", bearer("community-admin"))
                .body(Map.of("reason", "工程取消")).post(path(cancelled) + "/cancel").then().statusCode(200);
        return new Targets(published, etag(published), create(draft), cancelled);
    }

    private static Map<String, Object> valid() {
        return content(seedNoticeFromNow(0, 2));
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = valid();
        body.put(field, value);
        return body;
    }

    private static String path(String id) {
        return "/api/v1/notices/" + id;
    }

    private static Arguments row(String name, int status, BiFunction<Targets, RequestSpecification, Response> send) {
        return Arguments.of(name, status, send);
    }
}
