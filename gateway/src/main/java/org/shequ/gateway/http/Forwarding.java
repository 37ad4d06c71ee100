package org.shequ.gateway.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import org.shequ.model.api.RequestId;
import org.shequ.model.api.TraceParent;

/**
 * What the gateway tells a service beyond the client's headers, from the connection itself, so a service can
 * believe it (the gateway is the only proxy the services trust): the client's address, the scheme and host it
 * called, the request id and the next hop of the trace.
 */
final class Forwarding {

    private Forwarding() {
    }

    static void describe(HttpHeaders client, HttpHeaders toService, String clientAddress, String scheme,
                         String requestId) {
        toService.set("X-Forwarded-For", clientAddress);
        toService.set("X-Forwarded-Proto", scheme);
        String host = client.get(HttpHeaderNames.HOST);
        if (host != null) {
            toService.set("X-Forwarded-Host", host);
            toService.set(HttpHeaderNames.HOST, host);
        }
        toService.set(RequestId.HEADER, requestId);
        toService.set(TraceParent.HEADER, TraceParent.nextHop(client.get(TraceParent.HEADER)));
    }
}
