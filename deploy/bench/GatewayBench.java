import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closed-loop load on two URLs that serve the same resource — the service directly, and the same request through the
 * gateway — in alternating rounds, so both see the same machine state. Prints throughput and latency percentiles for
 * each and the gateway/direct ratios. Usage: java GatewayBench.java DIRECT_URL GATEWAY_URL [concurrency] [seconds] [rounds]
 */
public class GatewayBench {

    record Result(double rps, double p50, double p99, long errors) {
    }

    public static void main(String[] args) throws Exception {
        String direct = args[0];
        String gateway = args[1];
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();

        System.out.printf("warm-up: %d s each%n", Math.max(3, seconds / 2));
        run(client, direct, concurrency, Math.max(3, seconds / 2));
        run(client, gateway, concurrency, Math.max(3, seconds / 2));

        List<Result> d = new ArrayList<>();
        List<Result> g = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            d.add(run(client, direct, concurrency, seconds));
            g.add(run(client, gateway, concurrency, seconds));
            System.out.printf("round %d  direct %8.0f req/s p50 %6.2f ms p99 %6.2f ms | gateway %8.0f req/s p50 %6.2f ms p99 %6.2f ms%n",
                    round, d.get(round - 1).rps, d.get(round - 1).p50, d.get(round - 1).p99,
                    g.get(round - 1).rps, g.get(round - 1).p50, g.get(round - 1).p99);
        }
        Result dm = median(d);
        Result gm = median(g);
        System.out.printf("%nmedian of %d rounds, %d connections, %d s each%n", rounds, concurrency, seconds);
        System.out.printf("direct   %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d%n", dm.rps, dm.p50, dm.p99, dm.errors);
        System.out.printf("gateway  %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d%n", gm.rps, gm.p50, gm.p99, gm.errors);
        System.out.printf("ratio gateway/direct: throughput %.2f  p50 latency %.2f  p99 latency %.2f%n",
                gm.rps / dm.rps, gm.p50 / dm.p50, gm.p99 / dm.p99);
    }

    static Result run(HttpClient client, String url, int concurrency, int seconds) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> perThread = new ArrayList<>();
        long[] errors = new long[concurrency];
        int[] counts = new int[concurrency];
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int t = 0; t < concurrency; t++) {
            long[] samples = new long[2_000_000];
            perThread.add(samples);
            int id = t;
            Thread thread = new Thread(() -> {
                while (!stop.get() && counts[id] < samples.length) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors[id]++;
                        }
                    } catch (Exception e) {
                        errors[id]++;
                    }
                    samples[counts[id]++] = System.nanoTime() - start;
                }
                done.countDown();
            });
            thread.setDaemon(true);
            thread.start();
        }
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        done.await();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < concurrency; t++) {
            System.arraycopy(perThread.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Result(total / elapsed, percentile(all, 0.50), percentile(all, 0.99), Arrays.stream(errors).sum());
    }

    static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    static Result median(List<Result> results) {
        double[] rps = results.stream().mapToDouble(Result::rps).sorted().toArray();
        double[] p50 = results.stream().mapToDouble(Result::p50).sorted().toArray();
        double[] p99 = results.stream().mapToDouble(Result::p99).sorted().toArray();
        long errors = results.stream().mapToLong(Result::errors).sum();
        int m = results.size() / 2;
        return new Result(rps[m], p50[m], p99[m], errors);
    }
}
