package org.shequ.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;

/**
 * Tokens are checked at the edge: a bad one is a 401 problem and the request never reaches a service (the stubs count
 * what reaches them); a good one passes through untouched for the service to check roles again. Headers that claim
 * an identity are dropped whatever the token.
 */
@QuarkusTest
@QuarkusTestResource(value = StubServices.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ShequInfraResource.class, restrictToAnnotatedClass = true)
class EdgeSecurityTest extends ThroughTheEdge {

    private static final String NOTICE = "{\"title\":\"停水通知\"}";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"expired", "another audience", "another signer", "unsigned", "alg none", "garbage",
            "not bearer"})
    void aBadTokenIsRefusedAtTheGatewayAndNeverReachesAService(String kind) {
        int before = StubServer.SEEN.get();
        given().header("Authorization", authorization(kind)).contentType(ContentType.JSON).body(NOTICE)
                .post("/api/v1/notices").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("urn:shequ:problem:unauthorized"))
                .body("status", equalTo(401));
        given().header("Authorization", authorization(kind)).get("/api/v1/notices").then().statusCode(401);
        assertEquals(before, StubServer.SEEN.get(), "no request reached a service");
    }

    @Test
    void aWriteWithoutATokenIsRefusedAtTheGatewayAndAReadPasses() {
        int before = StubServer.SEEN.get();
        given().contentType(ContentType.JSON).body(NOTICE).post("/api/v1/notices").then().statusCode(401)
                .contentType("application/problem+json");
        assertEquals(before, StubServer.SEEN.get());
        given().get("/api/v1/notices").then().statusCode(200).body("authorization", equalTo("null"));
    }

    @Test
    void aValidTokenIsPassedOnForTheServiceToCheckItsRoles() {
        String token = TestInfra.get().token("community-admin", "admin-1", "富力城社区");
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(NOTICE)
                .post("/api/v1/notices").then().statusCode(201).body("authorization", equalTo("Bearer " + token));
    }

    @Test
    void forgedIdentityHeadersAreDropped() {
        String token = TestInfra.get().token("resident", "resident-7");
        given().header("Authorization", "Bearer " + token)
                .header("X-Forwarded-User", "district-admin").header("X-Shequ-Subject", "admin")
                .get("/api/v1/notices").then().statusCode(200)
                .body("forgedUser", equalTo("null")).body("forgedSubject", equalTo("null"));
        given().header("X-Forwarded-User", "district-admin").get("/api/v1/notices").then().statusCode(200)
                .body("forgedUser", equalTo("null"));
    }

    @Test
    void open311KeepsItsOwnErrorFormatForAnonymousWrites() {
        given().contentType("application/x-www-form-urlencoded").body("service_code=CLUTTER_CLEARANCE")
                .post("/open311/v2/requests.json").then().statusCode(201).header("X-Upstream", "stub");
    }

    /** The public complaint form takes a POST without a token; no other write, and no other path near it, does. */
    @Test
    void onlyThePublicComplaintFormIsWrittenWithoutAToken() {
        int before = StubServer.SEEN.get();
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/food-safety/public/complaints")
                .then().statusCode(201).header("X-Upstream", "stub");
        assertEquals(before + 1, StubServer.SEEN.get());
        for (String path : java.util.List.of("/api/v1/food-safety/public/complaints/TS1", "/api/v1/food-safety/public",
                "/api/v1/food-safety/public/complaints2", "/api/v1/food-safety/providers")) {
            given().contentType(ContentType.JSON).body("{}").post(path).then().statusCode(401);
        }
        given().contentType(ContentType.JSON).body("{}").put("/api/v1/food-safety/public/complaints")
                .then().statusCode(401);
        assertEquals(before + 1, StubServer.SEEN.get(), "none of those reached a service");
    }

    private static String authorization(String kind) {
        TestInfra infra = TestInfra.get();
        return switch (kind) {
            case "expired" -> "Bearer " + infra.expiredToken("community-admin");
            case "another audience" -> "Bearer " + infra.tokenForAudience("community-admin", "another-system");
            case "another signer" -> "Bearer " + infra.foreignToken("community-admin");
            case "unsigned" -> {
                String valid = infra.token("community-admin");
                yield "Bearer " + valid.substring(0, valid.lastIndexOf('.') + 1);
            }
            case "alg none" -> {
                String valid = infra.token("district-admin");
                String payload = valid.split("\\.")[1];
                String header = Base64.getUrlEncoder().withoutPadding()
                        .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
                yield "Bearer " + header + "." + payload + ".";
            }
            case "garbage" -> "Bearer not.a.jwt";
            case "not bearer" -> "Basic YWRtaW46YWRtaW4=";
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
