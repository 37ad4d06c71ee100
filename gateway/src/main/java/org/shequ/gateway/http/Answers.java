package org.shequ.gateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.shequ.gateway.limits.Verdict;
import org.shequ.gateway.proxy.Problems;
import org.shequ.gateway.proxy.Refusal;
import org.shequ.model.api.Problem;
import org.shequ.model.api.RequestId;

/**
 * The edge's own answers (a malformed request, a bad token, a limit, a service down or slow): problem+json with the
 * request id and, where a policy applied, the rate-limit headers; the same words whatever the path or protocol.
 */
final class Answers {

    private Answers() {
    }

    /** A refusal; {@code close} ends an HTTP/1.1 connection after it (an HTTP/2 stream ends with its answer anyway). */
    static void problem(ChannelHandlerContext ctx, Refusal refusal, String requestId, Verdict verdict, boolean close) {
        byte[] json = Problems.json(refusal.status(), refusal.slug(), refusal.title(), refusal.detail(), requestId,
                refusal.service()).getBytes(StandardCharsets.UTF_8);
        ByteBuf body = ctx.alloc().buffer(json.length).writeBytes(json);
        FullHttpResponse answer = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(refusal.status(), refusal.reason()), body);
        HttpHeaders headers = answer.headers();
        headers.set(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, json.length);
        refusal.headers().forEach(headers::set);
        headers.set(RequestId.HEADER, requestId);
        limits(headers, verdict);
        if (close || refusal.closes()) {
            headers.set("Connection", "close");
            ctx.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(answer, ctx.voidPromise());
        }
    }

    /** {@code RateLimit-Policy} and {@code RateLimit} (draft-ietf-httpapi-ratelimit-headers), {@code Retry-After} when refused. */
    static void limits(HttpHeaders headers, Verdict verdict) {
        if (verdict == null) {
            return;
        }
        headers.set("RateLimit-Policy", verdict.policyHeader());
        headers.set("RateLimit", verdict.remainingHeader());
        if (!verdict.allowed()) {
            headers.set(HttpHeaderNames.RETRY_AFTER, verdict.retryAfterSeconds());
        }
    }
}
