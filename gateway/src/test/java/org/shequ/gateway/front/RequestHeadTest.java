package org.shequ.gateway.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which requests the front door serves on the bytes, and what of them reaches the service. */
class RequestHeadTest {

    private static final String TOKEN = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";

    private static RequestHead read(String head, ByteBuf toService) {
        ByteBuf in = Unpooled.copiedBuffer(head, StandardCharsets.ISO_8859_1);
        try {
            return RequestHead.read(in, toService);
        } finally {
            in.release();
        }
    }

    @Test
    void aPlainReadIsServedAndTheServiceSeesNeitherForgedIdentityNorTheClientsForwardingClaims() {
        ByteBuf toService = Unpooled.buffer();
        RequestHead head = read("GET /api/v1/notices?road=%E6%96%B0 HTTP/1.1\r\nHost: gw\r\nAuthorization: " + TOKEN
                + "\r\nX-Shequ-Subject: admin\r\nx-forwarded-user: mayor\r\nX-Forwarded-Host: evil\r\n"
                + "X-Forwarded-Proto: gopher\r\nX-Request-Id: abc\r\ntraceparent: 00-x\r\nAccept-Encoding: br\r\n"
                + "Proxy-Authorization: Basic eA==\r\nAccept: application/json\r\n\r\nGET /next", toService);
        assertEquals("/api/v1/notices", head.path);
        assertEquals("/api/v1/notices?road=%E6%96%B0", head.target);
        assertEquals("abc", head.requestId);
        assertEquals("br", head.acceptEncoding);
        assertTrue(head.hasAuthorization());
        assertEquals(TOKEN, head.authorization());
        String forwarded = toService.toString(StandardCharsets.ISO_8859_1);
        assertEquals("GET /api/v1/notices?road=%E6%96%B0 HTTP/1.1\r\nHost: gw\r\nAuthorization: " + TOKEN
                + "\r\nAccept: application/json\r\n", forwarded,
                "the token goes on; identity, forwarding, hop, id, trace and encoding lines are the gateway's to say");
        assertEquals(forwardedLength("GET /api/v1/notices?road=%E6%96%B0 HTTP/1.1\r\nHost: gw\r\nAuthorization: "
                + TOKEN + "\r\nX-Shequ-Subject: admin\r\nx-forwarded-user: mayor\r\nX-Forwarded-Host: evil\r\n"
                + "X-Forwarded-Proto: gopher\r\nX-Request-Id: abc\r\ntraceparent: 00-x\r\nAccept-Encoding: br\r\n"
                + "Proxy-Authorization: Basic eA==\r\nAccept: application/json\r\n\r\n"), head.length);
    }

    private static int forwardedLength(String head) {
        return head.getBytes(StandardCharsets.ISO_8859_1).length;
    }

    @Test
    void anIncompleteHeadWaitsForMoreBytes() {
        assertNull(read("GE", Unpooled.buffer()));
        assertNull(read("GET /api/v1/notices HTTP/1.1\r\nHost: gw\r\n", Unpooled.buffer()));
        assertNull(read("HEAD /api/v1/notices HTTP/1.1\r\nHo", Unpooled.buffer()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "POST /api/v1/notices HTTP/1.1\r\nHost: gw\r\nContent-Length: 2\r\n\r\n{}",
        "GET /api/v1/notices HTTP/1.0\r\nHost: gw\r\n\r\n",
        "GET /api/v1/notices HTTP/1.1\r\nHost: gw\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "GET /api/v1/notices HTTP/1.1\r\nHost: gw\r\nContent-Length: 5\r\n\r\nhello",
        "GET /api/v1/notices HTTP/1.1\r\nHost: gw\r\nContent-Length: 0\r\nContent-Length: 0\r\n\r\n",
        "GET /api/v1/notices HTTP/1.1\r\nHost: gw\r\nX-A: 1\r\n folded\r\n\r\n",
        "GET /api/v1/notices HTTP/1.1\nHost: gw\n\n",
        "GET /api/v1/notices HTTP/1.1\r\nHost: gw\r\nX-A: a\u0001b\r\n\r\n",
        "GET /api/v1/notices HTTP/1.1\r\nHost : gw\r\n\r\n",
        "GET /api/v1/notices HTTP/1.1\r\n\r\n",
        "GET /api/v1/notices HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
        "GET /api/v1/notices/../grid/tasks HTTP/1.1\r\nHost: gw\r\n\r\n",
        "GET /api/v1/notices/%2e%2e/grid HTTP/1.1\r\nHost: gw\r\n\r\n",
        "GET /api/v1//notices HTTP/1.1\r\nHost: gw\r\n\r\n",
        "GET http://evil/api/v1/notices HTTP/1.1\r\nHost: gw\r\n\r\n",
        "GET /api/v1/notices HTTP/1.1\r\nHost: gw\r\nOrigin: https://app.shequ.example\r\n\r\n",
        "GET /api/v1/notices HTTP/1.1\r\nHost: gw\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
        "GET /api/v1/notices HTTP/1.1\r\nHost: gw\r\nExpect: 100-continue\r\n\r\n",
        "GET /api/v1/notices HTTP/1.1\r\nHost: gw\r\nConnection: keep-alive, X-Secret-Hop\r\n\r\n",
        "GET /api/v1/notices HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer a\r\nAuthorization: Bearer b\r\n\r\n",
        "OPTIONS /api/v1/notices HTTP/1.1\r\nHost: gw\r\n\r\n",
        "DELETE /api/v1/notices/n-1 HTTP/1.1\r\nHost: gw\r\n\r\n",
        // A proxy's client address: only the full pipeline weighs it against the trusted ranges.
        "GET /api/v1/notices HTTP/1.1\r\nHost: gw\r\nX-Forwarded-For: 203.0.113.7\r\n\r\n",
        "GET /api/v1/notices HTTP/1.1\r\nHost: gw\r\nforwarded: for=203.0.113.7\r\n\r\n",
    })
    void anythingButAPlainReadGoesToTheFullPipelineUntouched(String request) {
        assertSame(RequestHead.NOT_MINE, read(request, Unpooled.buffer()));
    }

    @Test
    void aHeadLargerThanTheFrontDoorReadsGoesToTheFullPipeline() {
        String huge = "GET /api/v1/notices HTTP/1.1\r\nHost: gw\r\nX-Big: " + "a".repeat(RequestHead.MAX_HEAD_BYTES);
        assertSame(RequestHead.NOT_MINE, read(huge, Unpooled.buffer()));
    }

    @Test
    void aClientThatAsksToCloseIsServedAndThenLetGo() {
        RequestHead head = read("HEAD /api/v1/notices HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n",
                Unpooled.buffer());
        assertTrue(head.head);
        assertTrue(head.close);
        assertFalse(head.hasAuthorization());
    }
}
