package org.shequ.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A stand-in for the four services (pure HTTP, no domain): it echoes what the gateway forwarded, answers its
 * readiness as told, and can be stopped to play an outage. The real services are exercised end to end in deploy/e2e.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    static volatile boolean ready = true;
    private static HttpServer server;
    private static int port;

    @Override
    public Map<String, String> start() {
        try {
            try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            startServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String url = "http://127.0.0.1:" + port;
        return Map.of("shequ.gateway.upstreams.notices.url", url,
                "shequ.gateway.upstreams.grid-tasks.url", url,
                "shequ.gateway.upstreams.food-inspections.url", url,
                "shequ.gateway.upstreams.renovations.url", url,
                "shequ.gateway.timeout", "PT2S");
    }

    @Override
    public void stop() {
        stopServer();
    }

    static synchronized void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", StubServices::handle);
        server.start();
    }

    static synchronized void stopServer() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/q/health/ready")) {
            respond(exchange, ready ? 200 : 503, "{\"status\":\"" + (ready ? "UP" : "DOWN") + "\"}");
            return;
        }
        if (path.equals("/slow")) {
            sleep(5_000);
        }
        if (path.startsWith("/api/v1/grid/slow")) {
            sleep(5_000);
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = exchange.getRequestHeaders();
        String echo = "{\"method\":\"" + exchange.getRequestMethod() + "\",\"uri\":\"" + exchange.getRequestURI()
                + "\",\"requestId\":\"" + headers.getFirst("X-Request-Id")
                + "\",\"host\":\"" + headers.getFirst("Host")
                + "\",\"authorization\":\"" + headers.getFirst("Authorization")
                + "\",\"forwardedFor\":\"" + headers.getFirst("X-Forwarded-For")
                + "\",\"connection\":\"" + headers.getFirst("Connection")
                + "\",\"bodyLength\":" + body.length()
                + ",\"body\":" + (body.isEmpty() ? "null" : body) + "}";
        if (exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().add("Location", "http://" + headers.getFirst("Host") + path + "/n-1");
            respond(exchange, 201, echo);
        } else {
            respond(exchange, 200, echo);
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Upstream", "stub");
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
