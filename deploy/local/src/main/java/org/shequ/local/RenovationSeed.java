package org.shequ.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The newspaper's renovations: 煤化所小区's fitness ground (劲松社区), 天和楼小区's pavilion (幸福社区) and the 500 m²
 * plaza of 西铭路47号院 (康乐苑社区; the plaza, not the compound, was built in 1998, and its works took "1个多月"),
 * resurfaced after 戎大娘 asked, her wish linked and answered; plus the
 * district's 2023 programme as generated compounds whose completed projects add up to what the page reports:
 * 253 compounds, 3,914,000 m², 43,559 households. Skipped where present.
 */
final class RenovationSeed {

    static final String DISTRICT = "迎泽区";
    static final int COMPOUNDS_2023 = 253;
    static final BigDecimal AREA_2023 = new BigDecimal("3914000");
    static final int HOUSEHOLDS_2023 = 43_559;
    /**
     * The page gives the district's 2023 totals only (253 compounds, 3,914,000 m², 43,559 households): the split over
     * these sub-districts, each compound's name, size, year, budget and dates are made up so that the totals add up.
     */
    static final List<String> SUB_DISTRICTS = List.of("柳巷街道", "文庙街道", "庙前街道", "迎泽街道", "桥东街道",
            "老军营街道");

    private final SeedClient api;
    private final String admin;
    private final String resident;

    RenovationSeed(SeedClient api, DevKeys keys) {
        this.api = api;
        this.admin = keys.token("district-admin", "seed-district", Duration.ofMinutes(10));
        this.resident = keys.token("resident", "resident-rong", Duration.ofMinutes(10));
    }

    void run() throws IOException, InterruptedException {
        Map<String, String> known = compounds();
        newspaperProjects(known);
        JsonNode stats = api.get("/api/v1/renovations/stats" + SeedClient.query(Map.of("district", DISTRICT,
                "year", "2023")), null);
        if (stats.path("compoundsCompleted").asLong() >= COMPOUNDS_2023) {
            System.out.println("exists   迎泽区 2023 renovations (" + stats.path("compoundsCompleted") + " compounds)");
            return;
        }
        programme2023(known);
        System.out.println("created  迎泽区 2023 renovations: 253 compounds, 3,914,000 m², 43,559 households");
    }

    private void newspaperProjects(Map<String, String> known) throws IOException, InterruptedException {
        String meihuasuo = compound(known, "煤化所小区", "迎泽区桃园南路11号", "劲松社区", null, null, 420, "26000");
        String tianhelou = compound(known, "天和楼小区", null, "幸福社区", null, null, 96, "5400");
        // The page dates the plaza (建成于1998年), not the compound: its year is not known. Households and area made up.
        String ximing47 = compound(known, "西铭路47号院", "迎泽区西铭路47号", "康乐苑社区", null, null, 312, "18600");
        if (hasProject(ximing47)) {
            System.out.println("exists   the renovations of 煤化所小区, 天和楼小区 and 西铭路47号院");
            return;
        }
        String wish = api.post("/api/v1/renovations/requests", Map.of("compoundId", ximing47, "text",
                "我们老年人，平时喜欢跳广场舞。如果能翻修，再做点防滑处理，就太好了。"), resident, 201).path("id").asText();
        complete(plan(meihuasuo, "便民健身圈：塑胶场地、人工草坪和智能健身器材", "IMPROVEMENT",
                List.of(item("塑胶场地", null, null), item("人工草坪", null, null), item("智能健身器材", null, null)),
                "2024-05-06", "2024-08-30", 280000), "2024-05-08", "2024-08-28", 275000, null, null);
        complete(plan(tianhelou, "便民休闲亭", "IMPROVEMENT", List.of(item("休闲亭", new BigDecimal("1"), "座")),
                "2024-06-03", "2024-07-31", 86000), "2024-06-05", "2024-07-26", 84500, null, null);
        // "经过1个多月的施工": a little over a month, 14 October to 22 November; the budget and dates are made up.
        String plaza = plan(ximing47, "小广场（建成于1998年）翻修：防滑塑胶面层", "IMPROVEMENT",
                List.of(item("广场地面", new BigDecimal("500"), "m2")), "2024-10-14", "2024-11-30", 300000);
        api.post("/api/v1/renovations/projects/" + plaza + "/requests", Map.of("requestIds", List.of(wish)), admin, 200);
        complete(plaza, "2024-10-14", "2024-11-22", 296000, List.of(new String[] {"拆除破损地砖", "2024-10-25", "2024-10-24"},
                new String[] {"铺设防滑塑胶面层", "2024-11-15", "2024-11-20"}), null);
        System.out.println("created  the renovations of 煤化所小区, 天和楼小区 and 西铭路47号院 (戎大娘's wish answered)");
    }

    /** 253 completed compounds whose figures add up exactly; their sizes vary around the district's average. */
    private void programme2023(Map<String, String> known) throws IOException, InterruptedException {
        BigDecimal areaSoFar = BigDecimal.ZERO;
        int householdsSoFar = 0;
        for (int i = 0; i < COMPOUNDS_2023; i++) {
            boolean last = i == COMPOUNDS_2023 - 1;
            BigDecimal area = last ? AREA_2023.subtract(areaSoFar)
                    : new BigDecimal(15_470 + ((i * 37) % 41 - 20) * 150);
            int households = last ? HOUSEHOLDS_2023 - householdsSoFar : 172 + ((i * 13) % 21 - 10) * 6;
            areaSoFar = areaSoFar.add(area);
            householdsSoFar += households;
            String subDistrict = SUB_DISTRICTS.get(i % SUB_DISTRICTS.size());
            String name = subDistrict.replace("街道", "") + "片区" + (i + 1) + "号院";
            String compound = compound(known, name, null, null, subDistrict, 1980 + i % 20, households,
                    area.toPlainString());
            if (hasProject(compound)) {
                continue;
            }
            String category = i % 10 < 7 ? "BASIC" : i % 10 < 9 ? "IMPROVEMENT" : "ENHANCEMENT";
            String month = String.format("%02d", 3 + i % 8);
            complete(plan(compound, "2023年老旧小区改造：" + name, category, List.of(item("外墙保温", area, "m2")),
                    "2023-" + month + "-01", "2023-" + month + "-28", 800_000), "2023-" + month + "-02",
                    "2023-" + month + "-26", 780_000, null, null);
        }
    }

    private Map<String, String> compounds() throws IOException, InterruptedException {
        Map<String, String> byName = new HashMap<>();
        String cursor = null;
        do {
            Map<String, String> query = new HashMap<>(Map.of("district", DISTRICT, "limit", "200"));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonNode page = api.get("/api/v1/renovations/compounds" + SeedClient.query(query), null);
            page.path("items").forEach(c -> byName.put(c.path("name").asText(), c.path("id").asText()));
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return byName;
    }

    private String compound(Map<String, String> known, String name, String address, String community,
                            String subDistrict, Integer builtYear, int households, String area)
            throws IOException, InterruptedException {
        if (known.containsKey(name)) {
            return known.get(name);
        }
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "district", DISTRICT, "households", households,
                "floorAreaM2", new BigDecimal(area)));
        put(body, "address", address);
        put(body, "community", community);
        put(body, "subDistrict", subDistrict);
        put(body, "builtYear", builtYear);
        String id = api.post("/api/v1/renovations/compounds", body, admin, 201).path("id").asText();
        known.put(name, id);
        return id;
    }

    private boolean hasProject(String compoundId) throws IOException, InterruptedException {
        return api.get("/api/v1/renovations/projects" + SeedClient.query(Map.of("compoundId", compoundId)), null)
                .path("items").size() > 0;
    }

    private String plan(String compoundId, String title, String category, List<Map<String, Object>> scope,
                        String plannedStart, String plannedEnd, int budget) throws IOException, InterruptedException {
        return api.post("/api/v1/renovations/projects", Map.of("compoundId", compoundId, "title", title,
                "category", category, "scope", scope, "plannedStart", plannedStart, "plannedEnd", plannedEnd,
                "budgetCny", budget), admin, 201).path("id").asText();
    }

    private void complete(String project, String actualStart, String actualEnd, int cost, List<String[]> milestones,
                          String varianceReason) throws IOException, InterruptedException {
        String path = "/api/v1/renovations/projects/" + project + "/";
        List<String> milestoneIds = new ArrayList<>();
        for (String[] m : milestones == null ? List.<String[]>of() : milestones) {
            JsonNode view = api.post(path + "milestones", Map.of("title", m[0], "dueDate", m[1]), admin, 200);
            milestoneIds.add(view.path("milestones").path(milestoneIds.size()).path("id").asText());
        }
        api.post(path + "approve", Map.of(), admin, 200);
        api.post(path + "start", Map.of("actualStart", actualStart), admin, 200);
        for (int i = 0; i < milestoneIds.size(); i++) {
            api.post(path + "milestones/" + milestoneIds.get(i) + "/meet", Map.of("metDate", milestones.get(i)[2]),
                    admin, 200);
        }
        Map<String, Object> done = new HashMap<>(Map.of("actualEnd", actualEnd, "actualCostCny", cost));
        put(done, "varianceReason", varianceReason);
        api.post(path + "complete", done, admin, 200);
    }

    private static Map<String, Object> item(String name, BigDecimal quantity, String unit) {
        Map<String, Object> item = new HashMap<>(Map.of("item", name));
        put(item, "quantity", quantity);
        put(item, "unit", unit);
        return item;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
