import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Do the grid's reads and writes stay fast as tasks pile up? Loads tasks through the service's API (so every index
 * is written by the real code) over 50 grids, closes nine in ten of the other grids' tasks (history), measures
 * creating a task and listing the watched grid's open tasks, loads on to ten times the size, measures again, and
 * prints p50/p99 at both sizes with the large/small ratio, then the EXPLAIN of each query. The watched grid holds
 * the same 500 tasks (200 open) at both sizes: what the ratio shows is the cost of everyone else's tasks.
 * Usage (compiled with BenchSupport.java, see grid-scale.sh): GridScaleBench GRID_URL TOKEN JDBC_URL [small] [large]
 */
public class GridScaleBench {

    static final String COMMUNITY = "富力城社区";
    static final String[] CATEGORIES = {"CLUTTER_CLEARANCE", "SAFETY_HAZARD", "SANITATION", "FACILITY_REPAIR",
        "RESIDENT_REQUEST", "OTHER"};
    static final int GRIDS = 50;
    static final int WATCHED = 500;

    public static void main(String[] args) throws Exception {
        String service = args[0];
        String token = args[1];
        String jdbc = args[2];
        int small = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        int large = args.length > 4 ? Integer.parseInt(args[4]) : 100_000;
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String> grids = new ArrayList<>();
        for (int g = 0; g < GRIDS + 1; g++) {
            BenchSupport.Answer created = BenchSupport.send("POST", service + "/api/v1/grid/grids", token,
                    "{\"community\":\"" + COMMUNITY + "\",\"name\":\"bench-" + run + "-" + g + "\"}");
            grids.add(created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
        }
        String watched = grids.get(0);
        String creations = grids.get(GRIDS); // new tasks measured go here, so the watched list never changes
        Random random = new Random(20241125);

        load(service, token, grids.subList(0, 1), 0, WATCHED, random);
        // 300 of the watched grid's 500 are history; the 200 newest stay open.
        BenchSupport.execute(jdbc, "UPDATE task t JOIN (SELECT id FROM task WHERE grid_id = '" + watched
                + "' ORDER BY created_at, id LIMIT 300) old ON old.id = t.id SET t.status = 'VERIFIED', t.is_open = 0");
        int have = load(service, token, grids.subList(1, GRIDS), WATCHED, small, random);
        closeHistory(jdbc, watched, creations);
        Map<String, double[]> atSmall = measure(service, token, watched, creations);
        load(service, token, grids.subList(1, GRIDS), have, large, random);
        closeHistory(jdbc, watched, creations);
        Map<String, double[]> atLarge = measure(service, token, watched, creations);

        BenchSupport.printRatios(small, atSmall, large, atLarge);
        Map<String, String> plans = new LinkedHashMap<>();
        String columns = "t.id, t.title, t.status, t.created_at";
        plans.put("open tasks of a grid", "SELECT " + columns + " FROM task t WHERE t.grid_id = '" + watched
                + "' AND t.is_open = 1 ORDER BY t.created_at DESC, t.id DESC LIMIT 51");
        plans.put("a grid's REPORTED", "SELECT " + columns + " FROM task t WHERE t.grid_id = '" + watched
                + "' AND t.status = 'REPORTED' ORDER BY t.created_at DESC, t.id DESC LIMIT 51");
        plans.put("duplicate check", "SELECT " + columns + " FROM task t WHERE t.compound = '胜利东街7号院'"
                + " AND t.building = '6' AND t.category = 'CLUTTER_CLEARANCE' AND t.status IN ('REPORTED','ASSIGNED',"
                + "'SCHEDULED','IN_PROGRESS') AND t.id <> 'x' ORDER BY t.created_at DESC, t.id DESC LIMIT 10");
        plans.put("first page, all", "SELECT " + columns + " FROM task t ORDER BY t.created_at DESC, t.id DESC LIMIT 51");
        BenchSupport.explain(jdbc, plans);
    }

    /** Nine in ten tasks of the other grids are done and verified, as a year of work leaves them. */
    static void closeHistory(String jdbc, String watched, String creations) throws Exception {
        BenchSupport.execute(jdbc, "UPDATE task SET status = 'VERIFIED', is_open = 0 WHERE grid_id NOT IN ('"
                + watched + "', '" + creations + "') AND is_open = 1 AND MOD(CRC32(id), 10) <> 0");
    }

    static int load(String service, String token, List<String> grids, int from, int target, Random random)
            throws Exception {
        long t0 = System.nanoTime();
        List<String> bodies = new ArrayList<>();
        for (int i = from; i < target; i++) {
            bodies.add(body(grids.get(random.nextInt(grids.size())), random, i));
        }
        int failed = BenchSupport.post(service + "/api/v1/grid/tasks", token, bodies);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("loaded %d tasks (%d to %d) in %.0f s, %.0f/s, %d failed%n", bodies.size(), from, target,
                seconds, bodies.size() / seconds, failed);
        return target;
    }

    static String body(String gridId, Random random, int i) {
        String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        int compound = random.nextInt(400);
        return "{\"category\":\"" + category + "\",\"title\":\"走访发现问题 #" + i + "\",\"source\":\"WORKER_VISIT\","
                + "\"gridId\":\"" + gridId + "\",\"location\":{\"community\":\"" + COMMUNITY + "\",\"compound\":\""
                + (compound == 0 ? "胜利东街7号院" : "小区" + compound) + "\",\"building\":\"" + (1 + random.nextInt(54))
                + "\"}}";
    }

    static Map<String, double[]> measure(String service, String token, String watched, String creations)
            throws Exception {
        BenchSupport.awaitOutboxDrained(service);
        Map<String, double[]> results = new LinkedHashMap<>();
        AtomicInteger n = new AtomicInteger();
        results.put("create a task", BenchSupport.time("create a task", 500, () -> BenchSupport.send("POST",
                service + "/api/v1/grid/tasks", token, "{\"category\":\"CLUTTER_CLEARANCE\",\"title\":\"6号楼楼道杂物 "
                        + n.incrementAndGet() + "\",\"source\":\"WORKER_VISIT\",\"gridId\":\"" + creations + "\","
                        + "\"location\":{\"compound\":\"胜利东街7号院\",\"building\":\"" + (1 + n.get() % 54)
                        + "\"}}"), 201));
        String open = service + "/api/v1/grid/tasks?gridId=" + watched + "&open=true";
        results.put("open of a grid", BenchSupport.time("open of a grid", 1000,
                () -> BenchSupport.send("GET", open, token, null), 200));
        String reported = service + "/api/v1/grid/tasks?gridId=" + watched + "&status=REPORTED";
        results.put("REPORTED of a grid", BenchSupport.time("REPORTED of a grid", 1000,
                () -> BenchSupport.send("GET", reported, token, null), 200));
        return results;
    }
}
