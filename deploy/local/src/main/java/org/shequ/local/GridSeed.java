package org.shequ.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The grid workers of 富力城社区 as the newspaper tells it: on a visit they found the stairwells of building 6 of
 * 胜利东街7号院 full of clutter; one weekend, with property staff and volunteers, they cleared 80-odd garbage spots;
 * now they mean to do all 54 buildings, one each weekend. Loaded as the people involved would enter it, and skipped
 * where it is there already.
 */
final class GridSeed {

    static final String COMMUNITY = "富力城社区";
    static final String GRID = "胜利东街网格";
    static final String COMPOUND = "胜利东街7号院";
    /** Made up: the page says 富力城社区's grid workers cleaned up, not who they are. */
    static final List<String[]> WORKERS = List.of(new String[] {"wg-fulicheng-01", "张丽"},
            new String[] {"wg-fulicheng-02", "王强"});
    static final String CAMPAIGN = "胜利东街7号院楼道杂物清理";

    private final SeedClient api;
    private final DevKeys keys;

    GridSeed(SeedClient api, DevKeys keys) {
        this.api = api;
        this.keys = keys;
    }

    void run() throws IOException, InterruptedException {
        String admin = keys.token("community-admin", "admin-fulicheng", Duration.ofMinutes(10), DevKeys.AUDIENCE,
                Map.of("community", COMMUNITY));
        String gridId = grid(admin, COMMUNITY, GRID);
        JsonNode known = api.get("/api/v1/grid/workers?gridId=" + gridId, admin).path("items");
        for (String[] worker : WORKERS) {
            boolean exists = false;
            for (JsonNode w : known) {
                exists |= w.path("id").asText().equals(worker[0]);
            }
            if (!exists) {
                api.post("/api/v1/grid/workers", Map.of("id", worker[0], "gridId", gridId, "name", worker[1]), admin, 201);
                System.out.println("created  grid worker " + worker[0]);
            }
        }
        // Failed 小饭桌 inspections of 双塔寺一社区 become follow-up tasks in its grid (see FoodSeed).
        String shuangtasi = keys.token("community-admin", "admin-shuangtasi", Duration.ofMinutes(10), DevKeys.AUDIENCE,
                Map.of("community", FoodSeed.COMMUNITY));
        grid(shuangtasi, FoodSeed.COMMUNITY, "双塔寺一网格");
        String campaignId = campaign(admin);
        if (api.get("/api/v1/grid/tasks" + SeedClient.query(Map.of("campaignId", campaignId)), admin)
                .path("items").size() > 0) {
            System.out.println("exists   building-6 clean-up of " + CAMPAIGN);
            return;
        }
        String worker = keys.token("grid-worker", WORKERS.get(0)[0], Duration.ofMinutes(10));
        String taskId = api.post("/api/v1/grid/tasks", Map.of("category", "CLUTTER_CLEARANCE",
                "title", "6号楼楼道杂物堆放", "description", "走访发现6号楼每层楼道内堆放的废品杂物非常多，存在安全隐患。",
                "source", "WORKER_VISIT", "priority", "HIGH", "gridId", gridId, "campaignId", campaignId,
                "location", Map.of("community", COMMUNITY, "compound", COMPOUND, "building", "6")), worker, 201)
                .path("id").asText();
        String path = "/api/v1/grid/tasks/" + taskId + "/";
        api.post(path + "assign", Map.of("workerIds", WORKERS.stream().map(w -> w[0]).toList(),
                "helpers", List.of("物业 刘师傅", "居民志愿者 陈阿姨")), worker, 200);
        // As printed: "11月25日上午，胜利东街7号院迎来了一群特殊的'清洁工'".
        api.post(path + "schedule", Map.of("at", "2024-11-25T08:00:00+08:00", "note", "11月25日上午集中清理"), worker,
                200);
        api.post(path + "start", Map.of(), worker, 200);
        api.post(path + "complete", Map.of("outcome", Map.of("spotsCleared", 80,
                "summary", "清理6号楼楼道杂物，共清理80多处垃圾死角")), worker, 200);
        System.out.println("created  building-6 clean-up, done with 80 spots cleared → " + taskId);
    }

    private String grid(String admin, String community, String name) throws IOException, InterruptedException {
        for (JsonNode grid : api.get("/api/v1/grid/grids" + SeedClient.query(Map.of("community", community)), admin)
                .path("items")) {
            if (grid.path("name").asText().equals(name)) {
                return grid.path("id").asText();
            }
        }
        System.out.println("created  grid " + community + " " + name);
        // the seed's grid covers the page's compound, so a report naming 胜利东街7号院 finds it
        Map<String, Object> grid = name.equals(GRID) ? Map.of("community", community, "name", name, "compounds",
                java.util.List.of(COMPOUND)) : Map.of("community", community, "name", name);
        return api.post("/api/v1/grid/grids", grid, admin, 201).path("id").asText();
    }

    private String campaign(String admin) throws IOException, InterruptedException {
        for (JsonNode campaign : api.get("/api/v1/grid/campaigns", admin).path("items")) {
            if (campaign.path("title").asText().equals(CAMPAIGN)) {
                return campaign.path("id").asText();
            }
        }
        System.out.println("created  campaign " + CAMPAIGN + " (54 栋)");
        return api.post("/api/v1/grid/campaigns", Map.of("title", CAMPAIGN, "compound", COMPOUND,
                "targetCount", 54, "unit", "栋", "community", COMMUNITY), admin, 201).path("id").asText();
    }
}
