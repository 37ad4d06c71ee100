package org.shequ.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.shequ.testing.ShequInfraResource;

/**
 * A client that opens connections and never finishes a request (slowloris) holds nothing for long: the edge answers
 * a head that is not whole within the head timeout with a 408 and closes; a connection that keeps asking stays.
 */
@QuarkusTest
@QuarkusTestResource(value = ShortIdleTimeout.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ShequInfraResource.class, restrictToAnnotatedClass = true)
class IdleConnectionsTest extends ThroughTheEdge {

    @Test
    void aRequestHeadThatNeverEndsIsAnsweredWith408AndLetGo() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", edge.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /api/v1/notices HTTP/1.1\r\nHost: gw\r\nX-Slow: ".getBytes(
                    StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // A 408, then closed by the gateway, well before the socket's own 10 s read timeout would fire.
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
        }
    }

    @Test
    void aConnectionThatKeepsAskingIsNotLetGo() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", edge.port())) {
            socket.setSoTimeout(10_000);
            for (int i = 0; i < 3; i++) {
                socket.getOutputStream().write("GET /api/v1/notices HTTP/1.1\r\nHost: gw\r\n\r\n".getBytes(
                        StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                assertTrue(readAnswer(socket).startsWith("HTTP/1.1 200"));
                Thread.sleep(600); // less than the timeout between requests, more than it in all
            }
        }
    }

    /** One answer with a Content-Length body (the stubs answer so). */
    private static String readAnswer(Socket socket) throws Exception {
        var in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            head.write(in.read());
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = Integer.parseInt(text.replaceAll("(?is).*content-length: *(\\d+).*", "$1"));
        in.readNBytes(length);
        return text;
    }
}
