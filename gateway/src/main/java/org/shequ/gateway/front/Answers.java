package org.shequ.gateway.front;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.nio.charset.StandardCharsets;
import org.shequ.gateway.limits.Verdict;
import org.shequ.gateway.proxy.Refusal;
import org.shequ.gateway.proxy.Problems;
import org.shequ.model.api.Problem;

/**
 * The front door's own answers (a bad token, a limit, a service down or slow): the same problem+json, status and
 * headers the full pipeline gives for the same case, written straight to the connection.
 */
final class Answers {

    private Answers() {
    }

    /** A refusal as problem+json, with the rate-limit headers when a policy applied; {@code close} ends the connection. */
    static void problem(Channel client, Refusal refusal, String requestId, Verdict verdict, boolean close) {
        byte[] body = Problems.json(refusal.status(), refusal.slug(), refusal.title(), refusal.detail(), requestId,
                refusal.service()).getBytes(StandardCharsets.UTF_8);
        ByteBuf out = client.alloc().buffer(body.length + 512);
        StringBuilder head = new StringBuilder(160).append("HTTP/1.1 ").append(refusal.status()).append(' ')
                .append(refusal.reason()).append("\r\nContent-Type: ").append(Problem.MEDIA_TYPE)
                .append("\r\nContent-Length: ").append(body.length).append("\r\n");
        refusal.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        out.writeCharSequence(head, StandardCharsets.ISO_8859_1);
        HeadLines.requestId(out, requestId);
        HeadLines.limits(out, verdict);
        if (close) {
            HeadLines.close(out);
        }
        HeadLines.end(out);
        out.writeBytes(body);
        if (close) {
            client.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
        } else {
            client.writeAndFlush(out, client.voidPromise());
        }
    }
}
