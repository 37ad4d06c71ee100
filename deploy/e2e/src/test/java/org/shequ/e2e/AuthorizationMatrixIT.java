package org.shequ.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.shequ.local.DevKeys;
import org.shequ.local.RunningStack;
import org.shequ.testing.OpenApiAnswers;

/**
 * docs/AUTHORIZATION-MATRIX.md, cell by cell: every operation of the merged OpenAPI document against every kind of
 * caller, through the gateway and on the service's own port, on objects of one community. Refusals come first and
 * must leave every table as it was; admitted calls follow. Every answer through the gateway is also checked against
 * the merged OpenAPI document (status, media type, body schema): the contract a generated client relies on.
 */
class AuthorizationMatrixIT {

    private static final Path DATA = Suite.HOME.resolve("deploy/e2e/target/matrix-data");
    private static final String GATEWAY = Suite.GATEWAY;
    private static final String COMMUNITY = "迎泽大街社区";
    private static final String OTHER_COMMUNITY = "桥东社区";
    private static final String ISSUER = "太原供水集团有限公司";
    private static final Map<String, Integer> SERVICE_PORTS = new LinkedHashMap<>();
    private static final Set<String> REFUSALS = Set.of("401", "403", "scope", "404");
    /** Written by the services' own background work (relay, consumers, access log), not by requests refused. */
    private static final Set<String> BACKGROUND_TABLES = Set.of("flyway_schema_history", "flyway_platform_history",
            "inbox_event", "inbox_parked", "outbox_relay_lease", "pii_access", "delivery", "delivery_attempt");

    static {
        SERVICE_PORTS.put("/api/v1/notices", 8081);
        SERVICE_PORTS.put("/api/v1/grid", 8082);
        SERVICE_PORTS.put("/open311", 8082);
        SERVICE_PORTS.put("/api/v1/food-safety", 8083);
        SERVICE_PORTS.put("/api/v1/renovations", 8084);
        SERVICE_PORTS.put("/api/v1/webhooks", 8085);
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> ids = new TreeMap<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private DevKeys keys;
    private JsonNode document;
    private OpenApiAnswers contract;
    private final List<String> contractMismatches = new ArrayList<>();
    private int contractCalls;
    private String pagingReport = "";
    private String refusalReport = "";

    @Test
    void everyCellOfTheMatrixGetsWhatTheTableSays() throws Exception {
        RunningStack stack = RunningStack.up(Suite.HOME, DATA, true, Map.of("SHEQU_NOTICES_ISSUERS",
                "matrix-water=" + ISSUER + ",matrix-power=国网太原供电公司"), System.out);
        try {
            keys = new DevKeys(DATA.resolve("keys"));
            callers();
            fixtures();
            document = Suite.getJson(GATEWAY + "/q/openapi");
            contract = new OpenApiAnswers(document);
            List<Row> rows = table();
            assertEquals(operations(), rows.stream().map(Row::operation).collect(Collectors.toCollection(TreeSet::new)),
                    "docs/AUTHORIZATION-MATRIX.md has a row for every operation of the OpenAPI document, and no other");

            List<String> failures = new ArrayList<>();
            int cells = 0;
            Map<String, String> before = quietFingerprint();
            for (Row row : rows) {
                for (int c = 0; c < row.outcomes().size(); c++) {
                    if (REFUSALS.contains(row.outcomes().get(c))) {
                        cells += check(row, c, failures);
                    }
                }
                Map<String, String> after = fingerprint();
                if (!after.equals(before)) {
                    failures.add(row.operation() + ": a refused call changed " + changed(before, after));
                    before = after;
                }
            }
            List<Row> admitted = new ArrayList<>(rows);
            admitted.sort((a, b) -> Boolean.compare(a.method().equals("DELETE"), b.method().equals("DELETE")));
            for (Row row : admitted) {
                for (int c = 0; c < row.outcomes().size(); c++) {
                    if (row.outcomes().get(c).equals("ok")) {
                        cells += check(row, c, failures);
                    }
                }
            }
            failures.addAll(everyListPagesToTheEnd(rows));
            failures.addAll(everyOperationRefusesWhatItMust(rows));
            String report = cells + " cells called (" + rows.size() + " operations × " + tokens.size()
                    + " callers, through the gateway and on the services' ports), " + failures.size() + " wrong; "
                    + contractCalls + " answers through the gateway checked against the OpenAPI document, "
                    + contractMismatches.size() + " mismatches; " + pagingReport + "; " + refusalReport;
            failures.addAll(contractMismatches);
            System.out.println("[matrix] " + report);
            Files.writeString(Suite.HOME.resolve("deploy/e2e/target/matrix-report.txt"),
                    report + "\n" + String.join("\n", failures) + "\n");
            assertTrue(failures.isEmpty(), report + ":\n" + String.join("\n", failures));
        } finally {
            stack.ctrlC();
        }
    }

    /**
     * Every list of the document (an operation whose answer is a page), read once with limit=200 and again one item
     * at a time, each page's nextCursor to the next: the walk gives the same items in the same order, every page has
     * one item, and the last has no cursor. Read through the gateway by the first caller the table admits.
     */
    private List<String> everyListPagesToTheEnd(List<Row> rows) throws Exception {
        // the admitted DELETE removed the last subscription: its deliveries are read from a live one
        ids.put("subscriptions", create("/api/v1/webhooks/subscriptions", tokens.get("integration"), subscription()));
        List<String> wrong = new ArrayList<>();
        int lists = 0;
        int walked = 0;
        List<String> shortLists = new ArrayList<>();
        for (Row row : rows) {
            JsonNode answer = document.path("paths").path(row.path()).path("get").path("responses")
                    .path("200").path("content").path("application/json").path("schema");
            if (!row.method().equals("GET") || !answer.path("$ref").asText().startsWith("#/components/schemas/Page")) {
                continue;
            }
            int admitted = row.outcomes().indexOf("ok");
            String token = tokens.get(COLUMNS.get(admitted));
            lists++;
            String base = GATEWAY + concrete(row.path()) + query(row);
            // a list the suite is still writing to (deliveries of the events the calls above caused) may move
            // between the two reads: it gets three tries to show the same items both ways
            String differs = null;
            List<String> expected = List.of();
            for (int attempt = 0; attempt < 3; attempt++) {
                expected = ids(Suite.getJson(base + (base.contains("?") ? "&" : "?") + "limit=200", token));
                List<String> walk = walk(base, token, expected.size());
                differs = walk.equals(expected) ? null : row.operation() + ": one at a time gave " + walk
                        + ", the whole list " + expected;
                if (differs == null) {
                    break;
                }
            }
            if (differs != null) {
                wrong.add(differs);
            }
            if (expected.size() > 1) {
                walked++;
            } else {
                shortLists.add(row.path() + " (" + expected.size() + ")");
            }
        }
        pagingReport = lists + " lists walked one item at a time, " + walked + " of them with more than one item"
                + (shortLists.isEmpty() ? "" : "; with one item or none: " + String.join(", ", shortLists));
        return wrong;
    }

    /**
     * The refusals a client must be able to read from the document, provoked on every operation by the first caller
     * the table admits, through the gateway: an unknown id (404) where the path names one, a body with a field no
     * schema has (400) on every JSON write, and a stale {@code If-Match} (412) on every change that takes one. Each
     * answer must be the status provoked, a problem, and valid against the document (the contract check above).
     */
    private List<String> everyOperationRefusesWhatItMust(List<Row> rows) throws Exception {
        List<String> wrong = new ArrayList<>();
        Map<Integer, Integer> provoked = new TreeMap<>();
        for (Row row : rows) {
            int admitted = row.outcomes().indexOf("ok");
            if (admitted < 0 || row.path().startsWith("/open311") || row.path().equals("/api/v1/events")) {
                continue; // Open311 refuses in its own format (its own suite checks it); the stream never ends
            }
            String token = tokens.get(COLUMNS.get(admitted));
            String path = concrete(row.path());
            if (row.path().contains("{")) {
                String unknown = path.replaceFirst("/[0-9a-f]{8}-[0-9a-f-]{27}",
                        "/00000000-0000-4000-8000-000000000000");
                if (!unknown.equals(path)) {
                    // a body the operation accepts, and an If-Match, so that only the unknown id is wrong
                    refuse(row, unknown, token, row.method().equals("PUT") ? "\"1\"" : null,
                            Suite.JSON.writeValueAsString(body(row)), 404, wrong, provoked);
                }
            }
            boolean json = row.method().equals("PUT") || row.method().equals("POST") && !body(row).isEmpty();
            if (json) {
                Map<String, Object> unknownField = new LinkedHashMap<>(body(row));
                unknownField.put("noSuchField", 1);
                refuse(row, path, token, row.method().equals("PUT") ? etag(GATEWAY, path) : null,
                        Suite.JSON.writeValueAsString(unknownField), 400, wrong, provoked);
            }
            if (row.method().equals("PUT")) {
                refuse(row, path, token, "\"999999\"", Suite.JSON.writeValueAsString(body(row)), 412, wrong,
                        provoked);
            }
        }
        refusalReport = "refusals provoked on every operation: " + provoked + " (status: calls), each a problem "
                + "the document describes";
        return wrong;
    }

    private void refuse(Row row, String path, String token, String ifMatch, String body, int expected,
                        List<String> wrong, Map<Integer, Integer> provoked) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path + query(row)))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .method(row.method(), row.method().equals("GET") || row.method().equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        provoked.merge(answer.statusCode(), 1, Integer::sum);
        contractCalls++;
        contract.mismatches(row.method(), path, answer.statusCode(),
                answer.headers().firstValue("Content-Type").orElse(null), answer.body())
                .forEach(mismatch -> contractMismatches.add(mismatch + " (provoking " + expected + ")"));
        if (answer.statusCode() != expected
                || !answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            wrong.add(row.operation() + ": provoking " + expected + " answered " + answer.statusCode() + " "
                    + abbreviate(answer.body()));
        }
    }

    /** The list's items one page of one at a time; a page of more than one item is marked, so the walk fails. */
    private static List<String> walk(String base, String token, int expected) throws Exception {
        List<String> walk = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = Suite.getJson(base + (base.contains("?") ? "&" : "?") + "limit=1"
                    + (cursor == null ? "" : "&cursor=" + encode(cursor)), token);
            if (page.path("items").size() > 1) {
                walk.add("(a page of " + page.path("items").size() + " items)");
            }
            walk.addAll(ids(page));
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null && walk.size() <= expected);
        return walk;
    }

    /** Each item by its id (the whole item where it has none), so a delivery that moved on is still the same. */
    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.has("id") ? item.get("id").asText() : item.toString()));
        return ids;
    }

    /** Calls one cell through the gateway and on the service's port; answers how many calls it made. */
    private int check(Row row, int column, List<String> failures) throws Exception {
        String caller = COLUMNS.get(column);
        String expected = row.outcomes().get(column);
        int calls = 0;
        for (String base : bases(row.path())) {
            if (row.method().equals("DELETE") && expected.equals("ok")) {
                // An admitted DELETE removes its object: each call gets one of its own.
                ids.put("subscriptions", create("/api/v1/webhooks/subscriptions", tokens.get("integration"),
                        subscription()));
            }
            HttpResponse<String> answer = call(base, row, caller);
            calls++;
            if (base.equals(GATEWAY)) {
                contractCalls++;
                contract.mismatches(row.method(), concrete(row.path()), answer.statusCode(),
                        answer.headers().firstValue("Content-Type").orElse(null), answer.body())
                        .forEach(wrong -> contractMismatches.add(wrong + " (as " + caller + ")"));
            }
            if (!matches(expected, answer, row.path())) {
                failures.add(row.operation() + " as " + caller + " via " + base + ": expected " + expected + ", got "
                        + answer.statusCode() + " " + abbreviate(answer.body()));
            }
        }
        return calls;
    }

    private static boolean matches(String expected, HttpResponse<String> answer, String path) {
        int status = answer.statusCode();
        String type = status == 403 && !path.startsWith("/open311") ? problemType(answer.body()) : "";
        return switch (expected) {
            case "ok" -> status < 500 && status != 401 && status != 403 && status != 404;
            case "401" -> status == 401;
            case "403" -> status == 403 && (path.startsWith("/open311") || type.endsWith(":forbidden"));
            case "scope" -> status == 403 && type.endsWith(":out-of-scope");
            case "404" -> status == 404;
            default -> throw new IllegalArgumentException("unknown outcome " + expected);
        };
    }

    private static String problemType(String body) {
        try {
            return Suite.JSON.readTree(body).path("type").asText();
        } catch (Exception e) {
            return "";
        }
    }

    /** The gateway, and the service's own port for a service's operation. */
    private static List<String> bases(String path) {
        List<String> bases = new ArrayList<>(List.of(GATEWAY));
        SERVICE_PORTS.entrySet().stream().filter(e -> path.startsWith(e.getKey())).findFirst()
                .ifPresent(e -> bases.add("http://127.0.0.1:" + e.getValue()));
        return bases;
    }

    private HttpResponse<String> call(String base, Row row, String caller) throws Exception {
        String path = concrete(row.path());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path + query(row)))
                .timeout(Duration.ofSeconds(20)).header("X-Request-Id", "matrix-" + UUID.randomUUID());
        String token = tokens.get(caller);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (row.method().equals("PUT")) {
            request.header("If-Match", etag(base, path));
        }
        if (row.path().equals("/open311/v2/requests.{format}") && row.method().equals("POST")) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(open311Form()));
        } else if (row.method().equals("POST") || row.method().equals("PUT")) {
            request.header("Content-Type", "application/json")
                    .method(row.method(), HttpRequest.BodyPublishers.ofString(Suite.JSON.writeValueAsString(body(row)),
                            StandardCharsets.UTF_8));
        } else {
            request.method(row.method(), HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The current ETag, read by a caller who sees the object: what a client sends back as If-Match. */
    private String etag(String base, String path) throws Exception {
        String reader = path.startsWith("/api/v1/webhooks") ? "integration" : "district-admin";
        HttpResponse<String> current = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + tokens.get(reader)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return current.headers().firstValue("ETag").orElse("\"0\"");
    }

    // --- The callers and the objects they act on

    static final List<String> COLUMNS = List.of("anonymous", "expired", "foreign-key", "other-audience", "resident",
            "grid-worker", "inspector", "community-admin", "district-admin", "integration", "other-community-admin",
            "other-integration");

    private void callers() {
        Duration hour = Duration.ofHours(1);
        tokens.put("anonymous", null);
        tokens.put("expired", keys.token("district-admin", "matrix-late", Duration.ofMinutes(-1)));
        tokens.put("foreign-key", new DevKeys(DATA.resolve("foreign-keys")).token("district-admin", "intruder", hour));
        tokens.put("other-audience", keys.token("district-admin", "matrix-elsewhere", hour, "another-system"));
        tokens.put("resident", keys.token("resident", "matrix-resident", hour));
        tokens.put("grid-worker", keys.token("grid-worker", "matrix-worker", hour));
        tokens.put("inspector", keys.token("inspector", "matrix-inspector", hour, DevKeys.AUDIENCE,
                Map.of("community", COMMUNITY)));
        tokens.put("community-admin", keys.token("community-admin", "matrix-admin", hour, DevKeys.AUDIENCE,
                Map.of("community", COMMUNITY)));
        tokens.put("district-admin", keys.token("district-admin", "matrix-district", hour));
        tokens.put("integration", keys.token("integration", "matrix-water", hour));
        tokens.put("other-community-admin", keys.token("community-admin", "matrix-other-admin", hour,
                DevKeys.AUDIENCE, Map.of("community", OTHER_COMMUNITY)));
        tokens.put("other-integration", keys.token("integration", "matrix-power", hour));
    }

    /** One object of 迎泽大街社区 for every {id}, made through the API by the callers who may. */
    private void fixtures() throws Exception {
        String admin = tokens.get("district-admin");
        Map<String, Object> notice = notice();
        notice.put("publish", true);
        Suite.put(GATEWAY + "/api/v1/notices/gazetteer/" + encode(ROAD).replace("+", "%20"), admin, gazetteer(), 201);
        ids.put("gazetteer", encode(ROAD).replace("+", "%20"));
        ids.put("notices", create("/api/v1/notices", tokens.get("integration"), notice));
        ids.put("grids", create("/api/v1/grid/grids", admin, Map.of("community", COMMUNITY, "name", "迎泽大街一网格")));
        Suite.post(GATEWAY + "/api/v1/grid/workers", admin, Map.of("id", "matrix-worker", "gridId", ids.get("grids"),
                "name", "网格员小李"), 201);
        ids.put("tasks", create("/api/v1/grid/tasks", admin, task()));
        ids.put("campaigns", create("/api/v1/grid/campaigns", admin, Map.of("title", "迎泽大街楼道清理",
                "targetCount", 10, "unit", "栋", "community", COMMUNITY)));
        ids.put("open311", open311Request());
        ids.put("providers", create("/api/v1/food-safety/providers", admin, provider()));
        for (String inspector : List.of("matrix-inspector", "matrix-inspector-2")) {
            Suite.post(GATEWAY + "/api/v1/food-safety/inspectors", admin, Map.of("id", inspector,
                    "community", COMMUNITY, "name", "检查员"), 201);
        }
        ids.put("inspections", create("/api/v1/food-safety/providers/" + ids.get("providers") + "/inspections", admin,
                inspection()));
        ids.put("complaints", Suite.post(GATEWAY + "/api/v1/food-safety/public/complaints", tokens.get("resident"),
                complaint(), 201).path("receipt").asText());
        ids.put("spot-checks", create("/api/v1/food-safety/spot-checks", admin, Map.of("count", 1,
                "inspectorsPerCheck", 1, "community", COMMUNITY)));
        ids.put("compounds", create("/api/v1/renovations/compounds", admin, compound()));
        ids.put("projects", create("/api/v1/renovations/projects", admin, project()));
        String milestones = "/api/v1/renovations/projects/" + ids.get("projects") + "/milestones";
        JsonNode planned = Suite.post(GATEWAY + milestones, admin, Map.of("title", "屋面防水", "dueDate", "2027-06-30"),
                200); // answers the project, with its milestones
        ids.put("milestones", planned.path("milestones").path(0).path("id").asText());
        ids.put("disruptions", create("/api/v1/renovations/projects/" + ids.get("projects") + "/disruptions", admin,
                disruption()));
        ids.put("requests", create("/api/v1/renovations/requests", tokens.get("resident"), Map.of("compoundId",
                ids.get("compounds"), "text", "希望加装电梯")));
        ids.put("subscriptions", create("/api/v1/webhooks/subscriptions", tokens.get("integration"), subscription()));
        ids.values().forEach(id -> assertTrue(!id.isBlank(), "every fixture has an id: " + ids));
    }

    private String create(String path, String token, Map<String, Object> body) throws Exception {
        return Suite.post(GATEWAY + path, token, body, 201).path("id").asText();
    }

    private String open311Request() throws Exception {
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/open311/v2/requests.json"))
                .header("Authorization", "Bearer " + tokens.get("resident"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(open311Form())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, posted.statusCode(), posted.body());
        return Suite.JSON.readTree(posted.body()).path(0).path("service_request_id").asText();
    }

    private String open311Form() {
        return Map.of("service_code", "CLUTTER_CLEARANCE", "description", "楼道堆放杂物", "attribute[grid]",
                        ids.getOrDefault("grids", ""), "attribute[compound]", "迎泽大街1号院", "attribute[building]", "1")
                .entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The path with each {placeholder} replaced by the fixture of the collection it follows. */
    private String concrete(String template) {
        String[] segments = template.replace("{format}", "json").split("/");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (!segment.contains("{")) {
                continue;
            }
            String collection = i > 0 ? segments[i - 1] : "";
            String value = switch (collection) {
                case "services" -> "CLUTTER_CLEARANCE";
                case "requests" -> template.startsWith("/open311") ? ids.get("open311") : ids.get("requests");
                default -> ids.get(collection);
            };
            segments[i] = segment.replaceFirst("\\{[^}]+}", value == null ? "missing-" + collection : value);
        }
        return String.join("/", segments);
    }

    private String query(Row row) {
        return switch (row.operation()) {
            case "GET /api/v1/grid/workers" -> "?gridId=" + ids.get("grids");
            case "GET /api/v1/food-safety/inspectors" -> "?community=" + encode(COMMUNITY);
            case "GET /api/v1/food-safety/figures" -> "?from=2026-01-01&to=2026-12-31";
            case "GET /api/v1/notices/affecting", "GET /api/v1/neighbourhood" -> "?address=" + encode("迎泽大街100号");
            case "GET /api/v1/grid/public/tasks" -> "?compound=" + encode("迎泽大街1号院");
            case "POST /api/v1/webhooks/subscriptions/{id}/replay" -> "?since=" + encode(
                    OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0).toString());
            default -> "";
        };
    }

    /** A body each operation accepts from a caller it admits, so that only authorization decides. */
    private Map<String, Object> body(Row row) {
        String op = row.operation();
        String reason = "权限矩阵测试";
        return switch (op) {
            case "POST /api/v1/notices", "PUT /api/v1/notices/{id}" -> notice();
            case "PUT /api/v1/notices/gazetteer/{road}" -> gazetteer();
            case "POST /api/v1/food-safety/public/complaints" -> complaint();
            case "POST /api/v1/food-safety/providers/{id}/operator-erasure" -> Map.of("reason", reason);
            case "POST /api/v1/notices/{id}/restore" -> Map.of("actualEnd",
                    OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0).toString());
            case "POST /api/v1/notices/{id}/extend" -> Map.of("endsAt",
                    OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(4).withNano(0).toString(), "reason", reason);
            case "POST /api/v1/notices/{id}/cancel", "POST /api/v1/grid/tasks/{id}/reopen",
                 "POST /api/v1/grid/tasks/{id}/cancel", "POST /api/v1/food-safety/spot-checks/{id}/discard",
                 "POST /api/v1/renovations/projects/{id}/cancel",
                 "POST /api/v1/renovations/projects/{projectId}/disruptions/{id}/cancel" -> Map.of("reason", reason);
            case "POST /api/v1/grid/grids" -> Map.of("community", COMMUNITY, "name", "网格-" + unique());
            case "POST /api/v1/grid/workers" -> Map.of("id", "w-" + unique(), "gridId", ids.get("grids"), "name", "新人");
            case "POST /api/v1/grid/tasks" -> task();
            case "POST /api/v1/grid/tasks/{id}/assign" -> Map.of("workerIds", List.of("matrix-worker"));
            case "POST /api/v1/grid/tasks/{id}/schedule" -> Map.of("at", "2027-01-10T09:00:00+08:00");
            case "POST /api/v1/grid/tasks/{id}/complete" -> Map.of("outcome", Map.of("spotsCleared", 3,
                    "summary", "清理完毕"));
            case "POST /api/v1/grid/campaigns" -> Map.of("title", "清理-" + unique(), "targetCount", 5, "unit", "栋",
                    "community", COMMUNITY);
            case "POST /api/v1/food-safety/providers", "PUT /api/v1/food-safety/providers/{id}" -> provider();
            case "POST /api/v1/food-safety/providers/{id}/inspections" -> inspection();
            case "POST /api/v1/food-safety/inspectors" -> Map.of("id", "insp-" + unique(), "community", COMMUNITY,
                    "name", "检查员");
            case "POST /api/v1/food-safety/spot-checks" -> Map.of("count", 1, "inspectorsPerCheck", 1,
                    "community", COMMUNITY);
            case "POST /api/v1/renovations/compounds" -> compound();
            case "POST /api/v1/renovations/projects" -> project();
            case "POST /api/v1/renovations/projects/{id}/start" -> Map.of("actualStart", "2026-12-01");
            case "POST /api/v1/renovations/projects/{id}/complete" -> Map.of("actualEnd", "2027-05-01",
                    "actualCostCny", 100000);
            case "POST /api/v1/renovations/projects/{id}/milestones" -> Map.of("title", "外墙保温", "dueDate",
                    "2027-07-31");
            case "POST /api/v1/renovations/projects/{id}/milestones/{milestoneId}/meet" -> Map.of("metDate",
                    "2027-06-01");
            case "POST /api/v1/renovations/projects/{id}/requests" -> Map.of("requestIds", List.of(ids.get("requests")));
            case "POST /api/v1/renovations/projects/{projectId}/disruptions",
                 "PUT /api/v1/renovations/projects/{projectId}/disruptions/{id}" -> disruption();
            case "POST /api/v1/renovations/requests" -> Map.of("compoundId", ids.get("compounds"), "text", "修缮屋顶");
            case "POST /api/v1/webhooks/subscriptions", "PUT /api/v1/webhooks/subscriptions/{id}" -> subscription();
            default -> Map.of();
        };
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private Map<String, Object> complaint() {
        return Map.of("providerId", ids.get("providers"), "description", "饭菜有异味", "contact", "13912345678");
    }

    /** The fixtures' road: the notice's area, and the gazetteer's {road}. */
    private static final String ROAD = "迎泽大街";

    private static Map<String, Object> gazetteer() {
        return Map.of("oddSide", "路北", "evenSide", "路南", "landmarks", List.of(Map.of("name", "五一广场", "number", 1),
                Map.of("name", "双塔寺街", "number", 299)), "source", "示例数据（虚构）: the matrix's own");
    }

    private static Map<String, Object> notice() {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(3).withNano(0);
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("kind", "WATER_OUTAGE");
        notice.put("title", "停水通知：迎泽大街");
        notice.put("issuer", ISSUER);
        notice.put("startsAt", start.toString());
        notice.put("endsAt", start.plusHours(12).toString());
        notice.put("areas", List.of(Map.of("road", "迎泽大街")));
        notice.put("community", COMMUNITY);
        return notice;
    }

    private Map<String, Object> task() {
        return Map.of("category", "CLUTTER_CLEARANCE", "title", "1号楼楼道杂物", "description", "走访发现楼道堆放杂物",
                "source", "WORKER_VISIT", "priority", "HIGH", "gridId", ids.get("grids"),
                "location", Map.of("community", COMMUNITY, "compound", "迎泽大街1号院", "building", "1"));
    }

    private static Map<String, Object> provider() {
        return Map.of("name", "迎泽小饭桌", "address", "迎泽区迎泽大街100号", "operatorName", "王芳", "phone",
                "13812341234", "capacity", 30, "community", COMMUNITY, "status", "ACTIVE");
    }

    private static Map<String, Object> inspection() {
        List<Map<String, Object>> checklist = new ArrayList<>();
        for (String item : List.of("KITCHEN_HYGIENE", "FOOD_SOURCE", "SAMPLE_RETENTION", "HEALTH_CERTIFICATES",
                "FIRE_EQUIPMENT", "EVACUATION_ROUTE", "LICENSES", "TABLEWARE_DISINFECTION")) {
            checklist.add(Map.of("item", item, "result", "PASS"));
        }
        return Map.of("type", "ROUTINE", "inspectedAt", "2026-11-25T10:00:00+08:00",
                "inspectors", List.of("matrix-inspector"), "checklist", checklist);
    }

    private static Map<String, Object> compound() {
        return Map.of("name", "迎泽大街1号院-" + unique(), "district", "迎泽区", "address", "迎泽区迎泽大街1号",
                "community", COMMUNITY, "households", 120);
    }

    private Map<String, Object> project() {
        return Map.of("compoundId", ids.get("compounds"), "title", "屋面防水改造", "category", "BASIC",
                "plannedStart", "2026-09-01", "plannedEnd", "2027-12-31");
    }

    private static Map<String, Object> disruption() {
        return Map.of("kind", "NOISE", "startsAt", "2027-03-01T08:00:00+08:00", "endsAt", "2027-03-05T18:00:00+08:00",
                "description", "屋面施工，白天有噪音");
    }

    private static Map<String, Object> subscription() {
        return Map.of("url", "http://127.0.0.1:9/matrix-hook", "types", List.of("shequ.notices.notice.*"));
    }

    // --- The table and the document

    record Row(String method, String path, List<String> outcomes) {
        String operation() {
            return method + " " + path;
        }
    }

    static List<Row> table() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Suite.HOME.resolve("docs/AUTHORIZATION-MATRIX.md"))) {
            String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
            if (cells.length == COLUMNS.size() + 3 && cells[1].matches("GET|POST|PUT|DELETE|PATCH")) {
                rows.add(new Row(cells[1], cells[2].replace("`", ""),
                        List.of(cells).subList(3, 3 + COLUMNS.size())));
            }
        }
        return rows;
    }

    /** The operations of the merged document the gateway serves (read once, with the contract). */
    private TreeSet<String> operations() {
        TreeSet<String> operations = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(m -> {
            if (Set.of("get", "post", "put", "delete", "patch").contains(m)) {
                operations.add(m.toUpperCase() + " " + path.getKey());
            }
        }));
        return operations;
    }

    // --- What a refused call must not have changed

    /** The fingerprint once the fixtures' own background work (relay, consumers) has settled. */
    private Map<String, String> quietFingerprint() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, String> last = fingerprint();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            Map<String, String> now = fingerprint();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("the services' tables did not settle within a minute");
    }

    /** Every table a request could write, per schema: CHECKSUM TABLE (the outbox by its row count). */
    private static Map<String, String> fingerprint() throws Exception {
        Map<String, String> fingerprint = new TreeMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:mysql://127.0.0.1:13306/", "root", "");
             Statement statement = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT table_schema, table_name FROM information_schema.tables"
                    + " WHERE table_schema LIKE 'shequ\\_%' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    if (!BACKGROUND_TABLES.contains(rs.getString(2))) {
                        tables.add(rs.getString(1) + "." + rs.getString(2));
                    }
                }
            }
            for (String table : tables) {
                String sql = table.endsWith(".outbox_event") ? "SELECT COUNT(*) FROM " + table
                        : "CHECKSUM TABLE " + table;
                try (ResultSet rs = statement.executeQuery(sql)) {
                    rs.next();
                    fingerprint.put(table, rs.getString(sql.startsWith("CHECKSUM") ? 2 : 1));
                }
            }
        }
        return fingerprint;
    }

    private static String changed(Map<String, String> before, Map<String, String> after) {
        return after.keySet().stream().filter(t -> !after.get(t).equals(before.get(t))).toList().toString();
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
