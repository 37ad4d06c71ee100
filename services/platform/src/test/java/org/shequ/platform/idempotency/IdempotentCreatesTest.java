package org.shequ.platform.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shequ.platform.probe.JwksInfraResource;
import org.shequ.platform.probe.ProbeBodies;
import org.shequ.platform.probe.ProbeDatabase;
import org.shequ.testing.TestInfra;

/**
 * A mobile app that sends a create again because the answer never came gets the first answer, and the create happens
 * once: one row, one event. What the draft says a server refuses, it refuses, and nothing changes.
 */
@QuarkusTest
@QuarkusTestResource(JwksInfraResource.class)
class IdempotentCreatesTest {

    private static final String ADMIN = TestInfra.get().token("community-admin");

    @Test
    void aRetriedCreateGetsTheFirstAnswerAndCreatesOneRowAndOneEvent() throws Exception {
        String key = '"' + UUID.randomUUID().toString() + '"';
        Map<String, Object> body = ProbeBodies.newProbe();
        Response first = create(ADMIN, key, body);
        first.then().statusCode(201);
        String id = first.path("id");
        Response again = create(ADMIN, key, body);
        again.then().statusCode(201).header("Location", first.header("Location")).header("ETag", first.header("ETag"))
                .body("id", equalTo(id)).body("code", equalTo(body.get("code")));
        assertEquals(1, ProbeDatabase.count("select count(*) from probe where code = '" + body.get("code") + "'"));
        assertEquals(1, ProbeDatabase.count("select count(*) from outbox_event where aggregate_id = '" + id + "'"));
    }

    @Test
    void theSameKeyWithAnotherBodyIsA422AndCreatesNothing() throws Exception {
        String key = UUID.randomUUID().toString(); // sent bare, as many clients do
        create(ADMIN, key, ProbeBodies.newProbe()).then().statusCode(201);
        long before = ProbeDatabase.probesAndEvents();
        Map<String, Object> other = ProbeBodies.newProbe();
        create(ADMIN, key, other).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:shequ:problem:idempotency-key-reused"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(before, ProbeDatabase.probesAndEvents());
    }

    @Test
    void aRetryWhileTheFirstIsStillBeingHandledIsA409WithRetryAfter() throws Exception {
        String key = "in-flight-" + UUID.randomUUID();
        Map<String, Object> body = ProbeBodies.newProbe();
        create(ADMIN, key, body).then().statusCode(201);
        // the state a first request is in between its claim and its answer
        try (java.sql.Connection c = TestInfra.get().connect(ProbeDatabase.NAME);
             java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("update idempotent_request set status = null, body = null where id = '"
                    + IdempotentCreates.rowId("test-community-admin", key) + "'");
        }
        long before = ProbeDatabase.probesAndEvents();
        create(ADMIN, key, body).then().statusCode(409).header("Retry-After", "1")
                .body("type", equalTo("urn:shequ:problem:request-in-flight"));
        assertEquals(before, ProbeDatabase.probesAndEvents());
    }

    @Test
    void keysAreTheCallersOwnSoAnotherCallersKeyNeverAnswersTheirRequest() {
        String key = "shared-" + UUID.randomUUID();
        Map<String, Object> body = ProbeBodies.newProbe();
        String mine = create(ADMIN, key, body).then().statusCode(201).extract().path("id");
        body.put("code", "P-" + UUID.randomUUID().toString().substring(0, 8));
        String theirs = create(TestInfra.get().token("community-admin", "another-admin"), key, body)
                .then().statusCode(201).extract().path("id");
        org.junit.jupiter.api.Assertions.assertNotEquals(mine, theirs);
    }

    @Test
    void aFailedCreateLeavesTheKeyFreeSoTheFixedRetryRuns() {
        String key = "fix-and-retry-" + UUID.randomUUID();
        Map<String, Object> body = ProbeBodies.newProbe();
        body.put("kind", "NOT_A_KIND");
        create(ADMIN, key, body).then().statusCode(400);
        Map<String, Object> fixed = ProbeBodies.newProbe();
        create(ADMIN, key, fixed).then().statusCode(201).body("code", equalTo(fixed.get("code")));
    }

    @Test
    void aKeyThatIsNotAStringIsA400NamingTheHeader() throws Exception {
        long before = ProbeDatabase.probesAndEvents();
        for (String bad : new String[] {"\"unterminated", "two words", "a".repeat(256), "\"\""}) {
            create(ADMIN, bad, ProbeBodies.newProbe()).then().statusCode(400)
                    .body("errors[0].field", equalTo("Idempotency-Key"));
        }
        assertEquals(before, ProbeDatabase.probesAndEvents());
    }

    private static Response create(String token, String key, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key).body(body).post("/api/v1/probes");
    }
}
