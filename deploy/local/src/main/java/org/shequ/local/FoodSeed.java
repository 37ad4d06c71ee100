package org.shequ.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 小饭桌 survey of 双塔寺一社区 on 25 November 2024, with made-up providers (names and phones are not real):
 * inspections covering every outcome, one rectification order still open and one closed by a follow-up. The failed
 * inspection reaches the grid workers of 双塔寺一社区 as a follow-up task through Kafka. Skipped where present.
 */
final class FoodSeed {

    static final String COMMUNITY = "双塔寺一社区";
    static final List<String> ITEMS = List.of("KITCHEN_HYGIENE", "FOOD_SOURCE", "SAMPLE_RETENTION",
            "HEALTH_CERTIFICATES", "FIRE_EQUIPMENT", "EVACUATION_ROUTE", "LICENSES", "TABLEWARE_DISINFECTION");

    /**
     * name, address, operator, phone, licence, capacity. All made up: the page reports the survey of 双塔寺一社区's
     * 小饭桌, not which they are, who runs them or their numbers.
     */
    static final List<String[]> PROVIDERS = List.of(
            new String[] {"童心小饭桌", "迎泽区双塔寺街12号", "王芳", "13812341234", "JY11401060010001", "30"},
            new String[] {"书香小饭桌", "迎泽区双塔北路8号", "李红", "13934567890", "JY11401060010002", "25"},
            new String[] {"阳光午托", "迎泽区郝庄正街21号", "张伟", "13700001111", "JY11401060010003", "40"},
            new String[] {"向日葵小饭桌", "迎泽区双塔寺街36号", "赵丽", "13611112222", "JY11401060010004", "20"});

    private final SeedClient api;
    private final DevKeys keys;

    FoodSeed(SeedClient api, DevKeys keys) {
        this.api = api;
        this.keys = keys;
    }

    void run() throws IOException, InterruptedException {
        String inspector = keys.token("inspector", "insp-zhao", Duration.ofMinutes(10), DevKeys.AUDIENCE,
                Map.of("community", COMMUNITY));
        String admin = keys.token("district-admin", "seed-district", Duration.ofMinutes(10));
        // The inspectors are made up: the page names none.
        for (String[] who : new String[][] {{"insp-zhao", "赵敏"}, {"insp-qian", "钱进"}, {"insp-sun", "孙丽"}}) {
            boolean known = false;
            for (JsonNode i : api.get("/api/v1/food-safety/inspectors" + SeedClient.query(Map.of("community", COMMUNITY)),
                    admin).path("items")) {
                known |= i.path("id").asText().equals(who[0]);
            }
            if (!known) {
                api.post("/api/v1/food-safety/inspectors", Map.of("id", who[0], "community", COMMUNITY, "name", who[1]),
                        admin, 201);
            }
        }
        List<String> ids = new ArrayList<>();
        for (String[] p : PROVIDERS) {
            ids.add(provider(p, inspector));
        }
        if (api.get("/api/v1/food-safety/inspections" + SeedClient.query(Map.of("providerId", ids.get(0))), null)
                .path("items").size() > 0) {
            System.out.println("exists   the 小饭桌 inspections of " + COMMUNITY);
            return;
        }
        inspect(ids.get(0), "ROUTINE", "2024-11-25T09:30:00+08:00", null, inspector);
        inspect(ids.get(1), "ROUTINE", "2024-11-25T10:30:00+08:00", null, inspector, "TABLEWARE_DISINFECTION");
        String failed = inspect(ids.get(2), "ROUTINE", "2024-11-25T11:30:00+08:00", null, inspector,
                "SAMPLE_RETENTION");
        inspect(ids.get(2), "FOLLOW_UP", "2024-11-29T11:00:00+08:00", failed, inspector);
        System.out.println("created  4 小饭桌 of " + COMMUNITY + " and their inspections (PASS, PASS_WITH_ISSUES, FAIL"
                + " closed by a follow-up)");
    }

    private String provider(String[] p, String inspector) throws IOException, InterruptedException {
        for (JsonNode known : api.get("/api/v1/food-safety/providers" + SeedClient.query(Map.of("community", COMMUNITY,
                "limit", "200")), inspector).path("items")) {
            if (p[4].equals(known.path("licenseNo").asText())) {
                return known.path("id").asText();
            }
        }
        return api.post("/api/v1/food-safety/providers", Map.of("name", p[0], "address", p[1], "operatorName", p[2],
                "phone", p[3], "licenseNo", p[4], "capacity", Integer.parseInt(p[5]), "community", COMMUNITY),
                inspector, 201).path("id").asText();
    }

    private String inspect(String providerId, String type, String at, String followUpOf, String inspector,
                           String... failed) throws IOException, InterruptedException {
        List<Map<String, Object>> checklist = new ArrayList<>();
        for (String item : ITEMS) {
            boolean fails = List.of(failed).contains(item);
            Map<String, Object> entry = new HashMap<>(Map.of("item", item, "result", fails ? "FAIL" : "PASS"));
            if (fails) {
                entry.put("note", item.equals("SAMPLE_RETENTION") ? "11月22日、23日无留样" : "消毒柜未开启，消毒记录缺失");
            }
            checklist.add(entry);
        }
        Map<String, Object> body = new HashMap<>(Map.of("type", type, "inspectedAt", at,
                "inspectors", List.of("insp-zhao", "insp-qian"), "checklist", checklist));
        if (followUpOf != null) {
            body.put("followUpOf", followUpOf);
        }
        return api.post("/api/v1/food-safety/providers/" + providerId + "/inspections", body, inspector, 201)
                .path("id").asText();
    }
}
