package org.shequ.platform.probe;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequ.testing.TestInfra;

/** Conflicts, field paths, preconditions and security defaults as a client sees them: problem+json, nothing written. */
@QuarkusTest
@QuarkusTestResource(JwksInfraResource.class)
class ProbeProblemsTest {

    @Test
    void staleVersionFoundAtFlushIsA412AndChangesNothing() throws Exception {
        var probe = create(body());
        long events = ProbeDatabase.count("select count(*) from outbox_event");
        given().contentType(ContentType.JSON).header("Authorization", admin()).header("If-Match", etag(probe))
                .body(Map.of("label", "改了")).put("/api/v1/probes/" + probe.path("id") + "?interfere=true")
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("urn:shequ:problem:stale-version"));
        assertUnchanged(probe, events);
    }

    @Test
    void staleVersionFoundOnlyAtCommitIsA412AndChangesNothing() throws Exception {
        var probe = create(body());
        long events = ProbeDatabase.count("select count(*) from outbox_event");
        given().contentType(ContentType.JSON).header("Authorization", admin()).header("If-Match", etag(probe))
                .body(Map.of("label", "改了")).put("/api/v1/probes/" + probe.path("id") + "?interfere=true&quiet=true")
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("urn:shequ:problem:stale-version"))
                .body("detail", not(containsString("Exception")));
        assertUnchanged(probe, events);
    }

    @Test
    void staleOrMissingIfMatchIsRefusedBeforeAnythingIsWritten() throws Exception {
        var probe = create(body());
        long events = ProbeDatabase.count("select count(*) from outbox_event");
        given().contentType(ContentType.JSON).header("Authorization", admin())
                .body(Map.of("label", "改了")).put("/api/v1/probes/" + probe.path("id"))
                .then().statusCode(428).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("Authorization", admin()).header("If-Match", "\"99\"")
                .body(Map.of("label", "改了")).put("/api/v1/probes/" + probe.path("id"))
                .then().statusCode(412).contentType("application/problem+json");
        assertUnchanged(probe, events);
    }

    @Test
    void duplicateCodeIsA409NamingTheFieldWhetherFoundAtFlushOrAtCommit() throws Exception {
        Map<String, Object> first = body();
        create(first);
        for (String quiet : List.of("false", "true")) {
            long before = ProbeDatabase.probesAndEvents();
            Map<String, Object> again = body();
            again.put("code", first.get("code"));
            given().contentType(ContentType.JSON).header("Authorization", admin()).body(again)
                    .post("/api/v1/probes?quiet=" + quiet)
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("urn:shequ:problem:duplicate"))
                    .body("errors.field", hasItem("code"))
                    .body("detail", not(containsString("Duplicate entry")));
            assertEquals(before, ProbeDatabase.probesAndEvents(), "quiet=" + quiet);
        }
    }

    @Test
    void referenceToNothingIsA422NamingTheField() throws Exception {
        long before = ProbeDatabase.probesAndEvents();
        Map<String, Object> orphan = body();
        orphan.put("parentId", 999);
        given().contentType(ContentType.JSON).header("Authorization", admin()).body(orphan).post("/api/v1/probes")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("parentId"));
        assertEquals(before, ProbeDatabase.probesAndEvents());
        Map<String, Object> child = body();
        child.put("parentId", 1);
        create(child);
    }

    @Test
    void readOnlyFieldsOfTheViewAreAcceptedAndIgnoredOnPut() throws Exception {
        var probe = create(body());
        Map<String, Object> sentBack = new HashMap<>(probe.jsonPath().getMap(""));
        sentBack.put("label", "改过的标签");
        sentBack.put("version", 12345);
        sentBack.put("id", "someone-else");
        given().contentType(ContentType.JSON).header("Authorization", admin()).header("If-Match", etag(probe))
                .body(sentBack).put("/api/v1/probes/" + probe.path("id"))
                .then().statusCode(200)
                .body("id", equalTo(probe.path("id")))
                .body("label", equalTo("改过的标签"));
        sentBack.put("colour", "red");
        given().contentType(ContentType.JSON).header("Authorization", admin())
                .header("If-Match", "\"" + (Long.parseLong(etag(probe).replace("\"", "")) + 1) + "\"")
                .body(sentBack).put("/api/v1/probes/" + probe.path("id"))
                .then().statusCode(400).body("errors.field", hasItem("colour"));
    }

    @Test
    void everyBadNestedFieldIsNamedByItsPath() {
        Map<String, Object> bad = body();
        bad.put("label", " ");
        bad.put("steps", List.of(Map.of("label", "登记"), Map.of("label", "")));
        given().contentType(ContentType.JSON).header("Authorization", admin()).body(bad).post("/api/v1/probes")
                .then().statusCode(400)
                .body("errors.field", hasItems("label", "steps[1].label"));
        bad.put("steps", List.of(Map.of("label", "登记", "by", 7)));
        given().contentType(ContentType.JSON).header("Authorization", admin()).body(bad).post("/api/v1/probes")
                .then().statusCode(400).body("errors.field", hasItem("steps[0].by"));
        bad.put("steps", List.of(Map.of("label", "登记", "when", "now")));
        given().contentType(ContentType.JSON).header("Authorization", admin()).body(bad).post("/api/v1/probes")
                .then().statusCode(400).body("errors.field", hasItem("steps[0].when"));
        bad.put("steps", List.of());
        bad.put("urgent", "yes");
        given().contentType(ContentType.JSON).header("Authorization", admin()).body(bad).post("/api/v1/probes")
                .then().statusCode(400).body("errors.field", hasItem("urgent"));
    }

    @Test
    void methodWithoutSecurityAnnotationIsRefusedToEveryone() {
        given().get("/api/v1/probes/unguarded").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", admin()).get("/api/v1/probes/unguarded")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void tokensAreCheckedAgainstTheKeySetTheIdentityProviderPublishes() {
        String location = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("mp.jwt.verify.publickey.location", String.class);
        org.junit.jupiter.api.Assertions.assertTrue(location.startsWith("http://127.0.0.1:"), location);
        given().contentType(ContentType.JSON).header("Authorization", admin()).body(body()).post("/api/v1/probes")
                .then().statusCode(201);
        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + TestInfra.get().foreignToken("community-admin"))
                .body(body()).post("/api/v1/probes").then().statusCode(401);
    }

    @Test
    void aBadTokenIsA401OnAPublicReadToo() {
        String id = create(body()).path("id");
        given().get("/api/v1/probes/" + id).then().statusCode(200);
        for (String bad : new String[] {TestInfra.get().expiredToken("community-admin"),
            TestInfra.get().foreignToken("community-admin"), TestInfra.get().tokenForAudience("community-admin", "payroll")}) {
            given().header("Authorization", "Bearer " + bad).get("/api/v1/probes/" + id)
                    .then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void tokenForAnotherAudienceIsA401() {
        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + TestInfra.get().tokenForAudience("community-admin", "payroll"))
                .body(body()).post("/api/v1/probes")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().contentType(ContentType.JSON).header("Authorization", admin()).body(body()).post("/api/v1/probes")
                .then().statusCode(201);
    }

    @Test
    void forwardingHeadersFromAPeerThatIsNotATrustedProxyAreIgnored() {
        String location = given().contentType(ContentType.JSON).header("Authorization", admin())
                .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https")
                .header("Forwarded", "host=evil.example;proto=https")
                .body(body()).post("/api/v1/probes").then().statusCode(201).extract().header("Location");
        org.junit.jupiter.api.Assertions.assertTrue(location.startsWith("http://127.0.0.1:")
                || location.startsWith("http://localhost:"), location);
    }

    @Test
    void wrongMethodSaysWhichMethodsThePathAllows() {
        given().header("Authorization", admin()).delete("/api/v1/probes/x")
                .then().statusCode(405).contentType("application/problem+json")
                .header("Allow", equalTo("GET, HEAD, OPTIONS, PUT"));
        given().header("Authorization", admin()).delete("/api/v1/probes")
                .then().statusCode(405).header("Allow", equalTo("OPTIONS, POST"));
    }

    private static void assertUnchanged(ExtractableResponse<Response> probe, long events) throws Exception {
        given().get("/api/v1/probes/" + probe.path("id")).then().statusCode(200)
                .body("label", equalTo(probe.path("label")))
                .body("counter", equalTo(0));
        assertEquals(events, ProbeDatabase.count("select count(*) from outbox_event"), "outbox rows");
    }

    private static ExtractableResponse<Response> create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("Authorization", admin()).body(body)
                .post("/api/v1/probes").then().statusCode(201).extract();
    }

    private static String etag(ExtractableResponse<Response> probe) {
        return given().get("/api/v1/probes/" + probe.path("id")).then().extract().header("ETag");
    }

    static Map<String, Object> body() {
        return ProbeBodies.newProbe();
    }

    private static String admin() {
        return "Bearer " + TestInfra.get().token("community-admin");
    }
}
