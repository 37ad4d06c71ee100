package org.shequ.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every Shequ app must show an operator, whatever its domain: health probes that mean something, Prometheus
 * metrics, problem+json for unknown paths, and a database of its own brought to the latest migration. A service's
 * test extends this with {@code @QuarkusTest} and names its database and tables.
 */
public abstract class ServiceShapeContract {

    private final String database;
    private final Set<String> ownTables;

    protected ServiceShapeContract(String database, String... ownTables) {
        this.database = database;
        this.ownTables = Set.of(ownTables);
    }

    @Test
    void readinessCoversTheDatabaseAndTheSchema() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("schema"))
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"));
    }

    @Test
    void livenessCoversTheOutboxRelay() {
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'outbox-relay' }.status", equalTo("UP"));
    }

    @Test
    void everyShequMetricSaysWhatItCounts() {
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(Set.of(), MetricsHelp.undocumented(scrape),
                "shequ_* metrics without HELP text");
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("shequ_outbox_pending"))
                .body(containsString("http_server_requests_seconds"));
    }

    @Test
    void theOpenApiDocumentTypesEveryAnswerAndSaysWhoMayCallEachOperation() throws Exception {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertEquals(List.of(), OpenApiAnswers.gaps(new ObjectMapper().readTree(document)),
                "operations a generated client could not type");
    }

    @Test
    void unknownPathIsAProblemNotAnEmptyBody() {
        given().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .header("X-Request-Id", notNullValue());
    }

    @Test
    void ownsItsOwnMigratedDatabase() throws Exception {
        Set<String> tables = new HashSet<>();
        try (Connection c = TestInfra.get().connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select table_name from information_schema.tables where table_schema = '"
                     + database + "'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertTrue(tables.containsAll(ownTables), "tables of " + database + ": " + tables);
        assertTrue(tables.containsAll(Set.of("outbox_event", "flyway_schema_history", "flyway_platform_history")),
                "tables of " + database + ": " + tables);
        try (Connection c = TestInfra.get().connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from flyway_schema_history where success = 0")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "failed migrations");
        }
    }
}
