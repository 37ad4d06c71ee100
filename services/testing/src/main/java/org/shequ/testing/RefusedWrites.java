package org.shequ.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Bad input on a service's write endpoints, as a table: each case must answer its 4xx as problem+json naming the
 * field, and leave every row, version and event as it was. {@code everything} sums what a write could change.
 */
public final class RefusedWrites {

    private RefusedWrites() {
    }

    /** One refused write; {@code field} null when the problem names none (malformed JSON, 412, 428). */
    public record Case(String name, String method, String path, String body, int status, String field, String ifMatch,
                       String authorization) {

        public static Case post(String name, String path, String body, int status, String field) {
            return new Case(name, "POST", path, body, status, field, null, null);
        }

        public Case withIfMatch(String etag) {
            return new Case(name, method, path, body, status, field, etag, authorization);
        }

        public Case as(String bearer) {
            return new Case(name, method, path, body, status, field, ifMatch, bearer);
        }

        public Case with(String newMethod) {
            return new Case(name, newMethod, path, body, status, field, ifMatch, authorization);
        }
    }

    public static Stream<DynamicTest> each(List<Case> cases, String authorization, Callable<Long> everything) {
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            long before = everything.call();
            RequestSpecification request = given().contentType(ContentType.JSON)
                    .header("Authorization", c.authorization() != null ? c.authorization() : authorization)
                    .body(c.body());
            if (c.ifMatch() != null) {
                request = request.header("If-Match", c.ifMatch());
            }
            ValidatableResponse response = request.request(c.method(), c.path()).then().statusCode(c.status())
                    .contentType("application/problem+json");
            if (c.field() != null) {
                response.body("errors.field", hasItem(startsWith(c.field())));
            }
            assertEquals(before, everything.call(), c.name() + " changed something");
        }));
    }
}
