package org.shequ.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

/** A subscriber's endpoint on loopback: answers as each path is told to, and keeps every request it got. */
public final class Receiver implements AutoCloseable {

    /** One request as the endpoint saw it. */
    public record Call(String path, String id, String timestamp, String signature, String body, long receivedNanos) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, IntSupplier> answers = new ConcurrentHashMap<>();

    public Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            calls.add(new Call(path, exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body, System.nanoTime()));
            int status = answers.getOrDefault(path, () -> 200).getAsInt();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The URL of a path on this receiver. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Statuses to answer on a path in turn; the last one repeats. */
    public void answer(String path, int... statuses) {
        int[] next = {0};
        answers.put(path, () -> statuses[Math.min(next[0]++, statuses.length - 1)]);
    }

    public List<Call> calls(String path) {
        List<Call> found = new ArrayList<>();
        calls.stream().filter(c -> c.path().equals(path)).forEach(found::add);
        return found;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
