import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** What the scale benchmarks share: HTTP calls, parallel loading, percentiles, the outbox drain and EXPLAIN. */
final class BenchSupport {

    private BenchSupport() {
    }

    record Answer(int status, String body) {
    }

    /** One request over the JDK's keep-alive connection pool (HttpURLConnection): simple and predictable. */
    static Answer send(String method, String url, String token, String body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(30_000);
        if (token != null) {
            connection.setRequestProperty("Authorization", "Bearer " + token);
        }
        if (body != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** POSTs each body with 8 writers at once; answers how many failed (each failure is printed). */
    static int post(String url, String token, List<String> bodies) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            work.add(writers.submit((Callable<Void>) () -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    Answer answer = send("POST", url, token, bodies.get(i));
                    if (answer.status() != 201) {
                        failed.incrementAndGet();
                        System.err.println(answer.status() + " " + answer.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        writers.shutdown();
        return failed.get();
    }

    /** p50 and p99 in milliseconds of {@code runs} timed calls after 100 untimed ones. */
    static double[] time(String label, int runs, Callable<Answer> call, int expected) throws Exception {
        for (int i = 0; i < 100; i++) {
            call.call();
        }
        double[] millis = new double[runs];
        Answer last = null;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            last = call.call();
            millis[i] = (System.nanoTime() - t) / 1e6;
            if (last.status() != expected) {
                throw new IllegalStateException(label + " → " + last.status() + " " + last.body());
            }
        }
        Arrays.sort(millis);
        double p50 = millis[millis.length / 2];
        double p99 = millis[(int) (millis.length * 0.99)];
        System.out.printf("  %-16s p50 %6.2f ms  p99 %6.2f ms  (%d items in the last answer)%n", label, p50, p99,
                last.body().split("\"id\":").length - 1);
        return new double[] {p50, p99};
    }

    static void printRatios(int small, Map<String, double[]> atSmall, int large, Map<String, double[]> atLarge) {
        System.out.printf("%n%-16s %14s %14s %14s %14s %10s %10s%n", "query", small + " p50 ms", small + " p99 ms",
                large + " p50 ms", large + " p99 ms", "p50 ratio", "p99 ratio");
        for (String query : atSmall.keySet()) {
            double[] s = atSmall.get(query);
            double[] l = atLarge.get(query);
            System.out.printf("%-16s %14.2f %14.2f %14.2f %14.2f %10.2f %10.2f%n", query, s[0], s[1], l[0], l[1],
                    l[0] / s[0], l[1] / s[1]);
        }
    }

    /** Measuring while the relay still publishes the load's events would measure the relay too. */
    static void awaitOutboxDrained(String service) throws Exception {
        long t0 = System.nanoTime();
        while (true) {
            String metrics = send("GET", service + "/q/metrics", null, null).body();
            String pending = metrics.lines().filter(l -> l.startsWith("shequ_outbox_pending")).findFirst()
                    .map(l -> l.substring(l.lastIndexOf(' ') + 1)).orElse("0");
            if (Double.parseDouble(pending) == 0) {
                System.out.printf("outbox drained after %.0f s%n", (System.nanoTime() - t0) / 1e9);
                return;
            }
            Thread.sleep(1_000);
        }
    }

    static void execute(String jdbc, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "root", "");
             PreparedStatement statement = c.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    /** The EXPLAIN of each query: table, access type, key, estimated rows, extra. */
    static void explain(String jdbc, Map<String, String> plans) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "root", "")) {
            for (Map.Entry<String, String> plan : plans.entrySet()) {
                System.out.printf("%nEXPLAIN %s:%n", plan.getKey());
                try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + plan.getValue());
                     ResultSet rows = explain.executeQuery()) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        StringBuilder line = new StringBuilder("  ");
                        for (String column : List.of("table", "type", "key", "rows", "Extra")) {
                            for (int i = 1; i <= meta.getColumnCount(); i++) {
                                if (meta.getColumnLabel(i).equalsIgnoreCase(column)) {
                                    line.append(column).append('=').append(rows.getString(i)).append("  ");
                                }
                            }
                        }
                        System.out.println(line);
                    }
                }
            }
        }
    }
}
