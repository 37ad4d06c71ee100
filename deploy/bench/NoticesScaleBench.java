import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Do the notices' reads stay fast as the table grows? Loads notices through the service's own API (so every index
 * is written by the real code) up to a small size, measures the four reads residents and apps make most, loads on to
 * ten times the size, measures again, and prints p50/p99 at both sizes with the large/small ratio, then the EXPLAIN
 * of each query. The data is realistic: most notices already over (windows spread over three years), the same 300
 * running or upcoming at both sizes, roads and kinds drawn from a fixed list. Every road is in the gazetteer first
 * (its landmarks, the other roads of the list, at made-up house numbers), so "am I affected?" places each stretch;
 * every third current notice also has a polygon, asked by position. The target for "affecting": p99 at most 10 ms
 * at the large size, with the gazetteer on.
 * Usage (compiled with BenchSupport.java, see notices-scale.sh): NoticesScaleBench NOTICES_URL TOKEN JDBC_URL
 * [small=10000] [large=100000]
 */
public class NoticesScaleBench {

    static final String[] ROADS = {"新建路", "兴农路", "惠远西街", "迎泽大街", "解放南路", "桃园南路", "五一路", "并州路",
            "双塔寺街", "郝庄路", "建设南路", "朝阳街", "柳巷", "桥东街", "老军营南街", "胜利东街", "西铭路", "青年路",
            "文庙街", "南海街", "精营东二道街", "起凤街", "开化寺街", "前进路", "小东门街", "东岗路", "杏花岭街", "水西关街",
            "南内环街", "体育路", "平阳路", "长风街", "学府街", "坞城路", "许坦东街", "南中环街", "晋祠路", "和平南路",
            "千峰南路", "滨河东路", "滨河西路", "迎泽西大街", "府东街", "府西街", "北大街", "新建北路", "敦化坊街", "五龙口街",
            "通达西街", "益丰西街", "人民南路", "北沙河南岸", "鑫磊大厦", "桃园北路", "上马街", "下元街", "大营盘", "东华门",
            "钟楼街", "帽儿巷"};
    static final String[] KINDS = {"WATER_OUTAGE", "WATER_OUTAGE", "POWER_OUTAGE", "POWER_OUTAGE", "GAS_OUTAGE",
            "HEATING_OUTAGE", "ROAD_CLOSURE", "CONSTRUCTION", "COMMUNITY_EVENT", "GENERAL"};
    static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    static final int CURRENT = 300;

    public static void main(String[] args) throws Exception {
        String notices = args[0];
        String token = args[1];
        String jdbc = args[2];
        int small = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        int large = args.length > 4 ? Integer.parseInt(args[4]) : 100_000;
        Random random = new Random(20241126);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);
        String admin = args.length > 5 ? args[5] : token;
        gazetteer(notices, admin);

        int have = load(notices, token, random, now, 0, small);
        Map<String, double[]> atSmall = measure(notices, now);
        load(notices, token, random, now, have, large);
        Map<String, double[]> atLarge = measure(notices, now);

        BenchSupport.printRatios(small, atSmall, large, atLarge);
        for (String affecting : List.of("affecting", "affecting #", "affecting @")) {
            double p99 = atLarge.get(affecting)[1];
            System.out.printf("%s at %d notices: p99 %.2f ms, target <= 10 ms: %s%n", affecting, large, p99,
                    p99 <= 10 ? "met" : "MISSED");
        }
        explain(jdbc, now);
    }

    /** Every road of the list in the gazetteer: odd numbers 路东, each other road a landmark at 2 × its index + 1. */
    static void gazetteer(String notices, String admin) throws Exception {
        StringBuilder landmarks = new StringBuilder();
        for (int i = 0; i < ROADS.length; i++) {
            landmarks.append(i == 0 ? "" : ",").append("{\"name\":\"").append(ROADS[i]).append("\",\"number\":")
                    .append(2 * i + 1).append('}');
        }
        int recorded = 0;
        for (String road : ROADS) {
            String body = "{\"oddSide\":\"路东\",\"evenSide\":\"路西\",\"landmarks\":[" + landmarks
                    + "],\"source\":\"bench: made up\"}";
            BenchSupport.Answer answer = BenchSupport.send("PUT", notices + "/api/v1/notices/gazetteer/"
                    + URLEncoder.encode(road, StandardCharsets.UTF_8).replace("+", "%20"), admin, body);
            if (answer.status() == 201) {
                recorded++;
            } else if (answer.status() != 428) {
                throw new IllegalStateException("gazetteer " + road + " → " + answer.status() + " " + answer.body());
            }
        }
        System.out.printf("gazetteer: %d roads recorded (%d were there)%n", recorded, ROADS.length - recorded);
    }

    /** Creates notices until {@code target} exist from this run, 8 writers at once; returns how many exist. */
    static int load(String notices, String token, Random random, OffsetDateTime now, int from, int target)
            throws Exception {
        long t0 = System.nanoTime();
        List<String> bodies = new ArrayList<>();
        for (int i = from; i < target; i++) {
            bodies.add(body(random, now, i));
        }
        int failed = BenchSupport.post(notices + "/api/v1/notices", token, bodies);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("loaded %d notices (%d to %d) in %.0f s, %.0f/s, %d failed%n", bodies.size(), from, target,
                seconds, bodies.size() / seconds, failed);
        return target;
    }

    /**
     * The first {@link #CURRENT} notices run now or start within a week; every later one is history, over within
     * the last three years. So both sizes hold the same few hundred current notices, as a city does whatever its
     * archive: what the ratio shows is the cost of the archive growing.
     */
    static String body(Random random, OffsetDateTime now, int i) {
        OffsetDateTime start = i < CURRENT
                ? now.plusHours(random.nextInt(24 * 8) - 24)
                : now.minusHours(48 + random.nextInt(24 * 365 * 3));
        OffsetDateTime end = start.plusHours(4 + random.nextInt(68));
        String kind = KINDS[random.nextInt(KINDS.length)];
        String road = ROADS[random.nextInt(ROADS.length)];
        String other = ROADS[random.nextInt(ROADS.length)];
        String title = switch (kind) {
            case "WATER_OUTAGE" -> "停水通知";
            case "POWER_OUTAGE" -> "停电通知";
            case "GAS_OUTAGE" -> "停气通知";
            case "HEATING_OUTAGE" -> "暂停供暖通知";
            case "ROAD_CLOSURE" -> "道路封闭公告";
            case "CONSTRUCTION" -> "施工告知";
            case "COMMUNITY_EVENT" -> "社区活动";
            default -> "社区通知";
        } + " " + road + " #" + i;
        return "{\"kind\":\"" + kind + "\",\"title\":\"" + title + "\",\"issuer\":\"太原供水集团有限公司\","
                + "\"reason\":\"兹因配合太原市" + road + "管线工程,需对管线进行改造\","
                + "\"startsAt\":\"" + ISO.format(start) + "\",\"endsAt\":\"" + ISO.format(end) + "\","
                + "\"areas\":[{\"road\":\"" + road + "\",\"side\":\"路东\",\"from\":\"" + other + "\",\"to\":\""
                + ROADS[(i * 7) % ROADS.length] + "\"" + (i < CURRENT && i % 3 == 0 ? ",\"geometry\":" + polygon(i) : "")
                + "}],\"community\":\"迎泽区\",\"publish\":true}";
    }

    /** A block of about 300 m × 300 m somewhere in Yingze district; the one of notice 0 holds the point asked. */
    static String polygon(int i) {
        double west = 112.54 + (i % 17) * 0.004;
        double south = 37.84 + (i % 13) * 0.003;
        double east = west + 0.0035;
        double north = south + 0.0027;
        return String.format(java.util.Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%.4f,%.4f],"
                + "[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]]]}", west, south, east, south, east, north, west,
                north, west, south);
    }

    static Map<String, double[]> measure(String notices, OffsetDateTime now) throws Exception {
        BenchSupport.awaitOutboxDrained(notices);
        String activeAt = URLEncoder.encode(ISO.format(now), StandardCharsets.UTF_8);
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("activeAt", notices + "/api/v1/notices?activeAt=" + activeAt);
        queries.put("affecting", notices + "/api/v1/notices/affecting?address="
                + URLEncoder.encode("新建路12号", StandardCharsets.UTF_8));
        queries.put("affecting #", notices + "/api/v1/notices/affecting?address="
                + URLEncoder.encode("新建路13号院2单元", StandardCharsets.UTF_8));
        queries.put("affecting @", notices + "/api/v1/notices/affecting?lat=37.8412&lon=112.5415");
        queries.put("q", notices + "/api/v1/notices?q=" + URLEncoder.encode("鑫磊大厦", StandardCharsets.UTF_8));
        queries.put("first page", notices + "/api/v1/notices");
        Map<String, double[]> results = new LinkedHashMap<>();
        for (Map.Entry<String, String> query : queries.entrySet()) {
            results.put(query.getKey(), BenchSupport.time(query.getKey(), 1000,
                    () -> BenchSupport.send("GET", query.getValue(), null, null), 200));
        }
        return results;
    }

    static void explain(String jdbc, OffsetDateTime now) throws Exception {
        String at = now.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().toString().replace('T', ' ');
        String day = at.substring(0, 10);
        String visible = "('DRAFT','PUBLISHED','EXPIRED','CANCELLED')";
        Map<String, String> plans = new LinkedHashMap<>();
        plans.put("activeAt", "SELECT n.* FROM notice_day d JOIN notice n ON n.id = d.notice_id WHERE d.day = '" + day
                + "' AND n.status IN " + visible + " AND n.starts_at <= '" + at + "' AND n.ends_at > '" + at
                + "' ORDER BY n.created_at DESC, n.id DESC LIMIT 51");
        plans.put("affecting", "SELECT n.*, a.* FROM notice n LEFT JOIN notice_area a ON a.notice_id = n.id"
                + " WHERE n.status = 'PUBLISHED' AND n.ends_at > '" + at + "' ORDER BY n.starts_at, n.id");
        plans.put("q (rarest gram)", "SELECT COUNT(*) FROM (SELECT 1 FROM notice_gram WHERE gram = '鑫磊' LIMIT 1000) c");
        plans.put("q", "SELECT n.* FROM notice_gram g JOIN notice n ON n.id = g.notice_id WHERE g.gram = '鑫磊'"
                + " AND n.status IN " + visible + " AND (n.title LIKE '%鑫磊大厦%' OR n.reason LIKE '%鑫磊大厦%' OR EXISTS"
                + " (SELECT 1 FROM notice_area a WHERE a.notice_id = n.id AND (a.road LIKE '%鑫磊大厦%'"
                + " OR a.to_place LIKE '%鑫磊大厦%'))) ORDER BY g.created_at DESC, g.notice_id DESC LIMIT 51");
        plans.put("first page", "SELECT n.* FROM notice n WHERE n.status IN " + visible
                + " ORDER BY n.created_at DESC, n.id DESC LIMIT 51");
        BenchSupport.explain(jdbc, plans);
    }
}
