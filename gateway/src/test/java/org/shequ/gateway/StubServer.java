package org.shequ.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * A stand-in for a service (pure HTTP, JDK only, no domain): it echoes what the gateway forwarded and answers its
 * readiness as told. {@link #main} runs one in its own JVM, so a test can freeze it (SIGSTOP) or kill it.
 */
public final class StubServer {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    private StubServer(HttpServer server, String name, BooleanSupplier ready) {
        this.server = server;
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(exchange, name, ready));
        server.start();
    }

    public static StubServer http(int port, String name, BooleanSupplier ready) throws IOException {
        return new StubServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50),
                name, ready);
    }

    public static StubServer wrap(HttpServer server, String name) {
        return new StubServer(server, name, () -> true);
    }

    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** {@code java -cp target/test-classes org.shequ.gateway.StubServer PORT NAME}: one stub service, always ready. */
    public static void main(String[] args) throws IOException {
        http(Integer.parseInt(args[0]), args[1], () -> true);
        System.out.println("stub " + args[1] + " listening on " + args[0]);
        System.out.flush();
    }

    /** Requests that reached any stub in this JVM (health probes and OpenAPI reads not counted). */
    static final java.util.concurrent.atomic.AtomicInteger SEEN = new java.util.concurrent.atomic.AtomicInteger();
    /** Answer size of {@code /api/v1/notices/big}, worth compressing. */
    static final int BIG = 8_000;

    private static void handle(HttpExchange exchange, String name, BooleanSupplier ready) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/api/")) {
            SEEN.incrementAndGet();
        }
        if (path.equals("/api/v1/notices/unchanged")) { // as a service answers If-None-Match with the current ETag
            exchange.getResponseHeaders().add("ETag", "\"7\"");
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        if (path.equals("/api/v1/notices/streamed")) {
            streamed(exchange, name);
            return;
        }
        String canned = canned(path);
        if (canned != null) {
            respond(exchange, 200, canned, name);
            return;
        }
        if (path.equals("/q/health/ready")) {
            boolean up = ready.getAsBoolean();
            respond(exchange, up ? 200 : 503, "{\"status\":\"" + (up ? "UP" : "DOWN") + "\"}", name);
            return;
        }
        if (path.startsWith("/api/v1/grid/slow")) {
            sleep(5_000);
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = exchange.getRequestHeaders();
        String echo = "{\"service\":\"" + name + "\",\"method\":\"" + exchange.getRequestMethod()
                + "\",\"uri\":\"" + exchange.getRequestURI()
                + "\",\"requestId\":\"" + headers.getFirst("X-Request-Id")
                + "\",\"host\":\"" + headers.getFirst("Host")
                + "\",\"authorization\":\"" + headers.getFirst("Authorization")
                + "\",\"forwardedFor\":\"" + headers.getFirst("X-Forwarded-For")
                + "\",\"forwardedHost\":\"" + headers.getFirst("X-Forwarded-Host")
                + "\",\"forwarded\":\"" + headers.getFirst("Forwarded")
                + "\",\"realIp\":\"" + headers.getFirst("X-Real-IP")
                + "\",\"secret\":\"" + headers.getFirst("X-Secret-Hop")
                + "\",\"connection\":\"" + headers.getFirst("Connection")
                + "\",\"forgedUser\":\"" + headers.getFirst("X-Forwarded-User")
                + "\",\"forgedSubject\":\"" + headers.getFirst("X-Shequ-Subject")
                + "\",\"acceptEncoding\":\"" + headers.getFirst("Accept-Encoding")
                + "\",\"traceparent\":\"" + headers.getFirst("traceparent")
                + "\",\"bodyLength\":" + body.length()
                + ",\"body\":" + (body.isEmpty() ? "null" : body) + "}";
        if (exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().add("Location", "http://" + headers.getFirst("Host") + path + "/n-1");
            respond(exchange, 201, echo, name);
        } else {
            respond(exchange, 200, echo, name);
        }
    }

    /** What the neighbourhood view reads from each service, as the real ones answer it. */
    private static String canned(String path) {
        return switch (path) {
            case "/api/v1/notices/affecting" -> "{\"items\":[{\"id\":\"n-1\",\"title\":\"停水通知\","
                    + "\"matchedAreas\":[{\"road\":\"新建路\"}]}]}";
            case "/api/v1/renovations/compounds" -> "{\"items\":[{\"id\":\"c-1\",\"name\":\"胜利东街7号院\","
                    + "\"community\":\"富力城社区\"},{\"id\":\"c-2\",\"name\":\"双塔寺街3号院\","
                    + "\"community\":\"双塔寺一社区\"}]}";
            case "/api/v1/renovations/projects" -> "{\"items\":[{\"id\":\"p-1\",\"title\":\"胜利东街7号院改造\"}]}";
            case "/api/v1/grid/public/tasks" -> "{\"items\":[{\"id\":\"t-1\",\"title\":\"楼道杂物清理\","
                    + "\"status\":\"ASSIGNED\",\"building\":\"6\"}]}";
            case "/api/v1/food-safety/public/providers" -> "{\"items\":[{\"id\":\"f-1\",\"name\":\"阳光午托\","
                    + "\"latestOutcome\":\"FAIL\"}]}";
            case "/api/v1/notices/big" -> "{\"text\":\"" + "停水通知 新建路 ".repeat(BIG / 20) + "\"}";
            default -> null;
        };
    }

    /** A list written in pieces, chunked, as a service streams a large answer. */
    private static void streamed(HttpExchange exchange, String name) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Upstream", name);
        exchange.sendResponseHeaders(200, 0);
        try (var body = exchange.getResponseBody()) {
            body.write("{\"items\":[".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < STREAMED_ITEMS; i++) {
                body.write(((i == 0 ? "" : ",") + "{\"id\":\"n-" + i + "\",\"title\":\"停水通知\"}")
                        .getBytes(StandardCharsets.UTF_8));
                body.flush();
            }
            body.write("]}".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Items in {@code /api/v1/notices/streamed}. */
    static final int STREAMED_ITEMS = 300;

    private static void respond(HttpExchange exchange, int status, String json, String name) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Upstream", name);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
