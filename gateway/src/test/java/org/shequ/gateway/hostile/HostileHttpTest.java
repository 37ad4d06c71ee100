package org.shequ.gateway.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shequ.gateway.http.EdgeServer;
import org.shequ.testing.ShequInfraResource;

/**
 * Malformed traffic through the edge, both ways, against a service that records what reached it and says whatever a
 * case scripts. For each case: what the client got, what reached the service (nothing, for a refused request), and
 * that the next client is served as usual: no desync, no answer landing in another client's request.
 */
@QuarkusTest
@QuarkusTestResource(value = HostileUpstream.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ShequInfraResource.class, restrictToAnnotatedClass = true)
class HostileHttpTest {

    private static final String GET = "GET /api/v1/notices/n-1 HTTP/1.1\r\nHost: gw\r\n";

    @Inject
    EdgeServer edge;

    @BeforeEach
    void fresh() {
        HostileUpstream.upstream.forget();
    }

    static Stream<Arguments> refusedRequests() {
        String body = "Content-Length: 5\r\n\r\nhello";
        return Stream.of(
                Arguments.of("CL.TE", "POST /api/v1/notices HTTP/1.1\r\nHost: gw\r\nContent-Length: 6\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nG", 400),
                Arguments.of("TE.CL", "POST /api/v1/notices HTTP/1.1\r\nHost: gw\r\nTransfer-Encoding: chunked\r\n"
                        + "Content-Length: 3\r\n\r\n8\r\nSMUGGLED\r\n0\r\n\r\n", 400),
                Arguments.of("TE.TE, two codings", "POST /api/v1/notices HTTP/1.1\r\nHost: gw\r\n"
                        + "Transfer-Encoding: chunked\r\nTransfer-Encoding: x\r\n\r\n0\r\n\r\n", 501),
                Arguments.of("TE xchunked", "POST /api/v1/notices HTTP/1.1\r\nHost: gw\r\n"
                        + "Transfer-Encoding: xchunked\r\n\r\n0\r\n\r\n", 501),
                Arguments.of("TE quoted", "POST /api/v1/notices HTTP/1.1\r\nHost: gw\r\n"
                        + "Transfer-Encoding: \"chunked\"\r\n\r\n0\r\n\r\n", 501),
                Arguments.of("TE gzip only", "POST /api/v1/notices HTTP/1.1\r\nHost: gw\r\n"
                        + "Transfer-Encoding: gzip\r\n\r\n", 501),
                Arguments.of("TE on HTTP/1.0", "POST /api/v1/notices HTTP/1.0\r\nHost: gw\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
                Arguments.of("two lengths", "POST /api/v1/notices HTTP/1.1\r\nHost: gw\r\nContent-Length: 5\r\n"
                        + "Content-Length: 6\r\n\r\nhello!", 400),
                Arguments.of("negative length", "POST /api/v1/notices HTTP/1.1\r\nHost: gw\r\nContent-Length: -1\r\n\r\n",
                        400),
                Arguments.of("length not a number", "POST /api/v1/notices HTTP/1.1\r\nHost: gw\r\n"
                        + "Content-Length: 5x\r\n\r\nhello", 400),
                Arguments.of("bare LF", "GET /api/v1/notices/n-1 HTTP/1.1\nHost: gw\n\n", 400),
                Arguments.of("bare CR", "GET /api/v1/notices/n-1 HTTP/1.1\rHost: gw\r\n\r\n", 400),
                Arguments.of("space before colon", GET + "X-A : 1\r\n\r\n", 400),
                Arguments.of("empty header name", GET + ": nameless\r\n\r\n", 400),
                Arguments.of("NUL in a value", GET + "X-A: a\u0000b\r\n\r\n", 400),
                Arguments.of("Host with a list", "GET /api/v1/notices/n-1 HTTP/1.1\r\nHost: gw, evil.example\r\n\r\n", 400),
                Arguments.of("Host with a space", "GET /api/v1/notices/n-1 HTTP/1.1\r\nHost: evil.example gw\r\n\r\n", 400),
                Arguments.of("Host with user info", "GET /api/v1/notices/n-1 HTTP/1.1\r\nHost: gw@evil.example\r\n\r\n", 400),
                Arguments.of("Host with a path", "GET /api/v1/notices/n-1 HTTP/1.1\r\nHost: evil.example/x?y\r\n\r\n", 400),
                Arguments.of("Host not ASCII", "GET /api/v1/notices/n-1 HTTP/1.1\r\nHost: g\u00e9w\r\n\r\n", 400),
                Arguments.of("Host port not a number", "GET /api/v1/notices/n-1 HTTP/1.1\r\nHost: gw:80a\r\n\r\n", 400),
                Arguments.of("two Hosts", GET + "Host: evil.example\r\n\r\n", 400),
                Arguments.of("no Host", "GET /api/v1/notices/n-1 HTTP/1.1\r\n\r\n", 400),
                Arguments.of("two Authorizations", GET + "Authorization: Bearer a\r\nAuthorization: Bearer b\r\n\r\n",
                        400),
                Arguments.of("PROXY line from a client", "PROXY TCP4 203.0.113.9 10.0.0.1 5555 80\r\n" + GET + "\r\n",
                        400),
                Arguments.of("HTTP/2 version in an HTTP/1 line", "GET /api/v1/notices/n-1 HTTP/2.0\r\nHost: gw\r\n\r\n",
                        505),
                Arguments.of("unknown version", "GET /api/v1/notices/n-1 HTTP/1.7\r\nHost: gw\r\n\r\n", 505),
                Arguments.of("fragment in the target", "GET /api/v1/notices/n-1#x HTTP/1.1\r\nHost: gw\r\n\r\n", 400),
                Arguments.of("target not a path", "GET api/v1/notices HTTP/1.1\r\nHost: gw\r\n\r\n", 400),
                Arguments.of("target of another scheme", "GET ftp://gw/api/v1/notices HTTP/1.1\r\nHost: gw\r\n\r\n", 400),
                Arguments.of("line too long", "GET /api/v1/notices?q=" + "a".repeat(9000) + " HTTP/1.1\r\nHost: gw\r\n\r\n",
                        414),
                Arguments.of("headers too large", GET + "X-Big: " + "b".repeat(17_000) + "\r\n\r\n", 431),
                Arguments.of("unknown expectation", GET + "Expect: 200-ok\r\n\r\n", 417),
                Arguments.of("anonymous write", "POST /api/v1/notices HTTP/1.1\r\nHost: gw\r\n" + body, 401),
                Arguments.of("not HTTP at all", "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003\r\n\r\n",
                        400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    void aMalformedOrAmbiguousRequestIsRefusedAndNothingReachesTheService(String name, String request, int status)
            throws Exception {
        String answer = exchange(request);
        assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), name + ": " + answer);
        assertTrue(answer.contains("application/problem+json"), name + ": " + answer);
        assertEquals(List.of(), HostileUpstream.upstream.received(), name);
        assertServedAsUsual();
    }

    @Test
    void aRequestSmuggledInsideABodyStaysThatBody() throws Exception {
        String smuggled = "GET /api/v1/grid/admin HTTP/1.1\r\nHost: gw\r\n\r\n";
        String answer = exchange("PUT /api/v1/grid/tasks/t-1 HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer x\r\n"
                + "Content-Length: " + smuggled.length() + "\r\nConnection: close\r\n\r\n" + smuggled);
        assertTrue(answer.startsWith("HTTP/1.1 401 "), "the token is checked first: " + answer);
        assertEquals(List.of(), HostileUpstream.upstream.received());
    }

    @Test
    void anObsFoldedHeaderReachesTheServiceAsOneLine() throws Exception {
        exchange(GET + "X-Folded: one\r\n two\r\nConnection: close\r\n\r\n");
        String request = HostileUpstream.upstream.received().get(0);
        assertTrue(request.contains("X-Folded: one two\r\n"), request);
    }

    @Test
    void aHeadTrickledInByteByByteIsCutOffAtTheHeadDeadline() throws Exception {
        try (Socket socket = socket()) {
            long started = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            String answer = null;
            for (byte b : (GET + "X-Slow: ").getBytes(StandardCharsets.US_ASCII)) {
                try {
                    out.write(b);
                    out.flush();
                } catch (java.io.IOException closed) {
                    break;
                }
                Thread.sleep(40);
                if (socket.getInputStream().available() > 0) {
                    break;
                }
            }
            answer = readAll(socket.getInputStream());
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
            assertTrue(millis < 5_000, "cut off after " + millis + " ms");
        }
        assertEquals(List.of(), HostileUpstream.upstream.received());
    }

    static Stream<Arguments> brokenAnswers() {
        String ok = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
        return Stream.of(
                Arguments.of("CL and TE", ok + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
                        502, true),
                Arguments.of("two lengths", ok + "Content-Length: 5\r\nContent-Length: 7\r\n\r\nhello!!", 502, true),
                Arguments.of("bare LF", "HTTP/1.1 200 OK\nContent-Length: 2\n\nok", 502, true),
                Arguments.of("not HTTP", "SSH-2.0-OpenSSH\r\n\r\n", 502, true),
                Arguments.of("status not a number", "HTTP/1.1 2x0 OK\r\nContent-Length: 2\r\n\r\nok", 502, true),
                Arguments.of("empty chunk size", ok + "Transfer-Encoding: chunked\r\n\r\n\r\n\r\n", 200, false),
                Arguments.of("chunk size not hex", ok + "Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n", 200,
                        false),
                Arguments.of("short of its length", ok + "Content-Length: 100\r\n\r\nonly ten b", 200, false),
                Arguments.of("chunked, cut mid-chunk", ok + "Transfer-Encoding: chunked\r\n\r\n10\r\nhalf", 200, false),
                Arguments.of("a protocol switch", "HTTP/1.1 101 Switching Protocols\r\nUpgrade: evil\r\n\r\n", 502, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenAnswers")
    void aMalformedOrShortAnswerIsThatConnectionsFailureAndTheNextClientGetsItsOwnAnswer(String name, String raw,
            int status, boolean problem) throws Exception {
        HostileUpstream.upstream.script((out, request) -> {
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return false; // and hang up
        });
        String answer = exchange(GET + "Connection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), name + ": " + answer);
        if (problem) {
            assertTrue(answer.contains("upstream-broken"), name + ": " + answer);
        } else {
            assertIncomplete(name, answer);
        }
        assertServedAsUsual();
    }

    @Test
    void malformedAnswerHeadersAreCleanedOrRefusedNeverPassedOn() throws Exception {
        HostileUpstream.upstream.scriptFor("X-Case: malformed-answer-headers", (out, request) -> {
            out.write(("HTTP/1.1 200 OK\r\nX-Spaced : 1\r\nX-Folded: a\r\n b\r\nContent-Length: 2\r\n\r\nok")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return true;
        });
        String answer = exchange(GET + "X-Case: malformed-answer-headers\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
        assertFalse(answer.contains("X-Spaced :"), answer);
        assertFalse(answer.contains("\r\n b\r\n"), answer);
        assertTrue(answer.endsWith("\r\n\r\nok"), answer);
    }

    @Test
    void anAnswerThatStallsAfterItsHeadIsCutOffAndTheNextRequestGetsItsOwn() throws Exception {
        HostileUpstream.upstream.script((out, request) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nstart".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(5_000); // longer than the stall timeout; the gateway must not wait for it
            return false;
        });
        long started = System.nanoTime();
        String answer = exchange(GET + "\r\n");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertIncomplete("stalled", answer);
        assertTrue(millis < 4_000, "cut off after " + millis + " ms");
        assertServedAsUsual();
    }

    @Test
    void bytesAfterAWholeAnswerNeverBecomeTheNextRequestsAnswer() throws Exception {
        HostileUpstream.upstream.script((out, request) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst"
                    + "HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\npoisoned").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return true;
        });
        String first = exchange(GET + "Connection: close\r\n\r\n");
        assertTrue(first.endsWith("\r\n\r\nfirst"), first);
        for (int i = 0; i < 3; i++) {
            String next = exchange("GET /api/v1/notices/n-" + (i + 2) + " HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n");
            assertTrue(next.endsWith("{\"path\":\"/api/v1/notices/n-" + (i + 2) + "\"}"), next);
        }
    }

    @Test
    void aClientThatSendsButNeverReadsIsNoLongerReadAndCannotHoldEveryServiceSlot() throws Exception {
        List<Socket> hogs = new ArrayList<>();
        try {
            byte[] flood = (GET + "\r\n").repeat(20_000).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 2; i++) {
                Socket hog = socket();
                hog.setSendBufferSize(64 * 1024);
                hogs.add(hog);
                Thread writer = new Thread(() -> {
                    try {
                        hog.getOutputStream().write(flood);
                    } catch (java.io.IOException stopped) {
                        // the gateway stopped reading it, then the test hung up: as intended
                    }
                });
                writer.setDaemon(true);
                writer.start();
            }
            Thread.sleep(1_500);
            int reached = HostileUpstream.upstream.received().size();
            assertTrue(reached < 2_000, "a client that reads nothing is read only while its answers fit the buffer: "
                    + reached + " of 40,000 reached the service");
            assertServedAsUsual();
        } finally {
            for (Socket hog : hogs) {
                hog.close();
            }
        }
    }

    @Test
    void oneClientCannotHoldMoreThanItsShareOfInFlightRequests() throws Exception {
        for (int i = 0; i < 6; i++) {
            HostileUpstream.upstream.script((out, request) -> {
                Thread.sleep(500); // slow enough that the six overlap, within the route's 1 s deadline
                return RawUpstream.ok(out, request);
            });
        }
        List<Thread> clients = new ArrayList<>();
        List<String> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 6; i++) {
            Thread client = new Thread(() -> {
                try {
                    answers.add(exchange(GET + "Connection: close\r\n\r\n").split("\r\n")[0]);
                } catch (Exception e) {
                    answers.add(e.toString());
                }
            });
            clients.add(client);
            client.start();
        }
        for (Thread client : clients) {
            client.join(10_000);
        }
        assertEquals(4, answers.stream().filter(line -> line.startsWith("HTTP/1.1 200")).count(), answers.toString());
        assertEquals(2, answers.stream().filter(line -> line.startsWith("HTTP/1.1 429")).count(), answers.toString());
        assertEquals(4, HostileUpstream.upstream.received().size());
    }

    /** A plain read by a new client is answered by the service, with its own body. */
    private void assertServedAsUsual() throws Exception {
        String path = "/api/v1/notices/usual-" + System.nanoTime();
        String answer = exchange("GET " + path + " HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200 ") && answer.endsWith("{\"path\":\"" + path + "\"}"), answer);
    }

    /** The head said 200, then the connection ended before the body did. */
    private static void assertIncomplete(String name, String answer) {
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(answer);
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        if (length.find()) {
            assertTrue(body.length() < Integer.parseInt(length.group(1)), name + ": " + answer);
        } else {
            assertTrue(answer.toLowerCase().contains("transfer-encoding: chunked") && !body.endsWith("0\r\n\r\n"),
                    name + ": " + answer);
        }
    }

    private Socket socket() throws Exception {
        Socket socket = new Socket("127.0.0.1", edge.port());
        socket.setSoTimeout(8_000);
        return socket;
    }

    /** Sends the bytes on a connection of their own; everything the gateway says until it closes. */
    private String exchange(String request) throws Exception {
        try (Socket socket = socket()) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return readAll(socket.getInputStream());
        }
    }

    private static String readAll(InputStream in) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException ended) {
            // a refusal that closes may reset a connection with unread bytes: what came before it counts
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }
}
