package org.shequ.notices.notice;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shequ.testing.TestInfra;

/** Request bodies from the seed's 停水通知 of 2024-11-26, and row counts straight from the service's database. */
final class NoticeFixtures {

    private NoticeFixtures() {
    }

    /** 新建路路东（北沙河南岸—鑫磊大厦）, 20:00 on the 26th to 08:00 on the 27th, with 4-byte characters added. */
    static Map<String, Object> waterOutage(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "WATER_OUTAGE");
        body.put("title", title);
        body.put("issuer", "太原供水集团有限公司");
        body.put("reason", "兹因配合太原市新建路给水管线工程，需对供水管线进行改造。");
        body.put("instructions", "望相关区域内的用户周知并提前做好储水准备 🚰");
        body.put("startsAt", "2024-11-26T20:00:00+08:00");
        body.put("endsAt", "2024-11-27T08:00:00+08:00");
        body.put("areas", List.of(
                Map.of("road", "新建路", "side", "路东", "from", "北沙河南岸", "to", "鑫磊大厦"),
                Map.of("road", "𠮷祥路", "from", "通达西街", "to", "益丰西街")));
        body.put("community", "新建南路第一社区");
        body.put("contact", "太原供水集团有限公司");
        return body;
    }

    static long count(String sql) throws Exception {
        return TestInfra.get().count("shequ_notices", sql);
    }

    static long notices() throws Exception {
        return count("select count(*) from notice");
    }

    static long outboxEvents() throws Exception {
        return count("select count(*) from outbox_event");
    }

    /** The two 停水通知 exactly as {@code shequ seed} loads them (新建路; 兴农路 and 惠远西街). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> seedNotices() {
        try (var in = NoticeFixtures.class.getResourceAsStream("/seed/notices.json")) {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(in, List.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A seed notice moved to start {@code days} from now, for what depends on "running or upcoming". */
    static Map<String, Object> seedNoticeFromNow(int index, int days) {
        Map<String, Object> notice = new HashMap<>(seedNotices().get(index));
        java.time.OffsetDateTime start = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).plusDays(days)
                .withNano(0);
        notice.put("startsAt", start.toString());
        notice.put("endsAt", start.plusHours(12).toString());
        notice.remove("publishedAt");
        return notice;
    }

    /** The content of a notice for PUT: what POST takes, less publish and publishedAt. */
    static Map<String, Object> content(Map<String, Object> notice) {
        Map<String, Object> content = new HashMap<>(notice);
        content.remove("publish");
        content.remove("publishedAt");
        return content;
    }

    /** POSTs a notice as an admin of its community ({@link #COMMUNITY} when it names none); returns its id. */
    static String create(Map<String, Object> body) {
        Object community = body.get("community");
        return io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                .header("Authorization", bearerIn(community == null ? COMMUNITY : community.toString())).body(body)
                .post("/api/v1/notices").then().statusCode(201).extract().path("id");
    }

    static String etag(String id) {
        return io.restassured.RestAssured.given().header("Authorization", bearer("district-admin"))
                .get("/api/v1/notices/" + id).then().statusCode(200).extract().header("ETag");
    }

    /** The community the fixtures' community admin acts within: the one {@link #waterOutage} names. */
    static final String COMMUNITY = "新建南路第一社区";

    /** A community admin's token for this community. */
    static String bearerIn(String community) {
        return "Bearer " + TestInfra.get().token("community-admin", "test-community-admin", community);
    }

    /** A token of the role; a community admin's names {@link #COMMUNITY}, as the identity provider would. */
    static String bearer(String role) {
        return "Bearer " + (role.equals("community-admin")
                ? TestInfra.get().token(role, "test-" + role, COMMUNITY) : TestInfra.get().token(role));
    }

    /**
     * The page's roads in the gazetteer, as {@code shequ seed} records them (seed/gazetteer.json, numbers made up):
     * 新建路 路东 carries the odd numbers, 北沙河南岸 at 1 and 鑫磊大厦 at 59. Left as it is when already recorded.
     */
    @SuppressWarnings("unchecked")
    static void seedGazetteer() {
        try (var in = NoticeFixtures.class.getResourceAsStream("/seed/gazetteer.json")) {
            for (Map<String, Object> road : (List<Map<String, Object>>) new com.fasterxml.jackson.databind.ObjectMapper()
                    .readValue(in, List.class)) {
                int status = io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                        .header("Authorization", bearer("district-admin")).body(road)
                        .put("/api/v1/notices/gazetteer/{road}", road.get("road")).statusCode();
                if (status != 201 && status != 428) {
                    throw new IllegalStateException("gazetteer " + road.get("road") + ": " + status);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
