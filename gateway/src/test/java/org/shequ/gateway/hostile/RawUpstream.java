package org.shequ.gateway.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service that says whatever bytes a test scripts, and records every request that reached it, as bytes. Requests
 * are read by their {@code Content-Length} only: the gateway sends nothing else (a test would see it otherwise).
 * With no script queued it answers a plain 200 naming the request's path.
 */
final class RawUpstream implements AutoCloseable {

    /** What to send back for one request; false closes the connection afterwards. */
    @FunctionalInterface
    interface Script {
        boolean answer(OutputStream out, String request) throws Exception;
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "raw-upstream");
        thread.setDaemon(true);
        return thread;
    });
    /** A script, and what a request must contain to get it (null: any request). */
    private record Scripted(String marker, Script script) {
    }

    private final ConcurrentLinkedQueue<Scripted> scripts = new ConcurrentLinkedQueue<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();

    RawUpstream() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** The next request (of any client) gets this answer. */
    void script(Script script) {
        scripts.add(new Scripted(null, script));
    }

    /**
     * The next request that contains {@code marker} (a header only this test sends) gets this answer: a request
     * another test left in flight (a flood still draining) cannot take it.
     */
    void scriptFor(String marker, Script script) {
        scripts.add(new Scripted(marker, script));
    }

    private Script next(String request) {
        for (Scripted scripted : scripts) {
            if ((scripted.marker() == null || request.contains(scripted.marker())) && scripts.remove(scripted)) {
                return scripted.script();
            }
        }
        return null;
    }

    /** Every request that reached the service so far, health probes left out. */
    List<String> received() {
        return received.stream().filter(request -> !request.startsWith("GET /q/")).toList();
    }

    void forget() {
        scripts.clear();
        received.clear();
    }

    static boolean ok(OutputStream out, String request) throws IOException {
        String path = request.substring(request.indexOf(' ') + 1, request.indexOf(' ', request.indexOf(' ') + 1));
        byte[] body = ("{\"path\":\"" + path + "\"}").getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        return true;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                open.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                String request = readRequest(in);
                if (request == null) {
                    return;
                }
                Script script = request.startsWith("GET /q/") ? null : next(request);
                received.add(request);
                if (!(script == null ? ok(out, request) : script.answer(out, request))) {
                    return;
                }
            }
        } catch (Exception gone) {
            // the gateway hung up: that is one of the things tests make happen
        } finally {
            open.remove(socket);
        }
    }

    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            int n = head.size();
            byte[] bytes = head.toByteArray();
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                break;
            }
        }
        if (head.size() == 0) {
            return null;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return text + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        threads.shutdownNow();
    }
}
