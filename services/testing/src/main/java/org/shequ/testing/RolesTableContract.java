package org.shequ.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Drives authorization from {@code docs/ROLES.md}: every row of the service is called anonymously and with each role.
 * A protected operation answers 401 without a token and 403 to a role it does not list; a listed role, or anyone on a
 * public one, gets past security (whatever the body then earns: 400, 404, 428 …). The table is the documentation,
 * so it cannot drift from what the services do.
 */
public abstract class RolesTableContract {

    static final List<String> ROLES =
            List.of("resident", "grid-worker", "inspector", "community-admin", "district-admin", "integration");

    private final String service;

    protected RolesTableContract(String service) {
        this.service = service;
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedOperationAdmitsExactlyItsRoles() {
        List<Row> rows = rows(service);
        assertFalse(rows.isEmpty(), "docs/ROLES.md has no row for " + service);
        return rows.stream().flatMap(row -> Stream.concat(
                Stream.of(DynamicTest.dynamicTest(row + " anonymous", () -> {
                    int status = call(given(), row).statusCode();
                    if (row.isPublic()) {
                        assertNotEquals(401, status, row.toString());
                        assertNotEquals(403, status, row.toString());
                    } else {
                        assertEquals(401, status, row.toString());
                    }
                })),
                ROLES.stream().map(role -> DynamicTest.dynamicTest(row + " as " + role, () -> {
                    Response response = call(given().header("Authorization", "Bearer " + TestInfra.get().token(role)),
                            row);
                    int status = response.statusCode();
                    if (row.isPublic() || row.roles().contains(role)) {
                        assertNotEquals(401, status, row + " as " + role);
                        // Past the role check, an object-level rule may still refuse (a worker of no grid, an admin
                        // of no community): that 403 says so in its type; a role refusal never does.
                        if (status == 403) {
                            assertTrue(String.valueOf(response.jsonPath().getString("type")).endsWith(":out-of-scope"),
                                    row + " as " + role + " refused by role: " + response.asString());
                        }
                    } else {
                        assertEquals(403, status, row + " as " + role);
                    }
                }))));
    }

    private static Response call(RequestSpecification request, Row row) {
        String path = row.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString()); // {id}, {road} …
        if (row.method().equals("POST") || row.method().equals("PUT")) {
            request = request.contentType(ContentType.JSON).body("{}");
        }
        return request.request(row.method(), path).then().extract().response();
    }

    static List<Row> rows(String service) {
        List<Row> rows = new ArrayList<>();
        for (String line : table()) {
            String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
            if (cells.length >= 6 && cells[1].equals(service)) {
                Set<String> roles = Arrays.stream(cells[5].split(",")).map(String::strip).collect(Collectors.toSet());
                rows.add(new Row(cells[2], cells[3], cells[4], roles));
            }
        }
        return rows;
    }

    /** {@code docs/ROLES.md}, found from the module directory up. */
    private static List<String> table() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("docs").resolve("ROLES.md");
            if (Files.exists(file)) {
                try {
                    return Files.readAllLines(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("docs/ROLES.md not found above " + Path.of("").toAbsolutePath());
    }

    record Row(String operation, String method, String path, Set<String> roles) {
        boolean isPublic() {
            return roles.contains("public");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
