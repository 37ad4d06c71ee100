package org.shequ.gateway.front;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.shequ.gateway.limits.Verdict;
import org.shequ.gateway.proxy.Compression;
import org.shequ.gateway.proxy.Refusal;
import org.shequ.gateway.proxy.ServiceRoutes.ServiceRoute;
import org.shequ.gateway.resilience.UpstreamGuards.Guard;

/**
 * One request the front door proxies: sent on a pooled keep-alive connection to its service, the answer streamed
 * back with the gateway's headers added and the service's hop headers removed, compressed when the client accepts
 * it and the body is text worth it. The same outcomes as the full pipeline's {@code ReverseProxy}: no answer head
 * within the route's deadline is a 504 (and the service's connection is dropped), no connection a 503 (tried once
 * more within the retry budget), a connection that breaks before the answer a 502; each counts for the service's
 * circuit breaker. A pooled connection the service had closed meanwhile is retried once on a new one.
 */
final class Exchange {

    private static final Logger LOG = Logger.getLogger(Exchange.class);

    private final FrontDoor door;
    private final FrontConnection front;
    private final Channel client;
    private final RequestHead head;
    private final ServiceRoute route;
    private final Guard guard;
    private final Verdict verdict;
    private final String requestId;
    private final String encoding;
    private final long started;
    private final ByteBuf request;
    private Channel upstream;
    private boolean reused;
    private boolean retried;
    /** When the answer's head must have come (System.nanoTime), 0 until the request is sent. */
    private long deadlineAt;
    private ByteBuf pending;
    private ResponseHead answer;
    private ChunkedFraming chunks;
    private long bodyLeft;
    /** While an answer is held to be compressed: its head, its body as it came and the body decoded. */
    private ByteBuf answerHead;
    private CompositeByteBuf collected;
    private ByteBuf decoded;
    private boolean finished;

    Exchange(FrontDoor door, FrontConnection front, Channel client, RequestHead head, ServiceRoute route, Guard guard,
             Verdict verdict, String requestId, ByteBuf request, long started) {
        this.door = door;
        this.front = front;
        this.client = client;
        this.head = head;
        this.route = route;
        this.guard = guard;
        this.verdict = verdict;
        this.requestId = requestId;
        this.request = request;
        this.started = started;
        this.encoding = head.head ? null : Encodings.choose(head.acceptEncoding);
    }

    void send() {
        Channel pooled = door.pool().poll(route.target());
        if (pooled != null) {
            attach(pooled, true);
            return;
        }
        door.pool().connect(client.eventLoop(), route.target()).addListener((ChannelFutureListener) connected -> {
            if (finished) {
                if (connected.isSuccess()) {
                    door.pool().offer(route.target(), connected.channel());
                }
                return;
            }
            if (connected.isSuccess()) {
                attach(connected.channel(), false);
            } else {
                connectFailed(connected.cause());
            }
        });
    }

    private void attach(Channel channel, boolean pooled) {
        upstream = channel;
        reused = pooled;
        UpstreamHandler.of(channel).exchange = this;
        if (deadlineAt == 0) {
            deadlineAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(route.deadlineMillis());
        }
        channel.writeAndFlush(request.retainedDuplicate(), channel.voidPromise());
    }

    private void connectFailed(Throwable cause) {
        if (!retried && cause instanceof ConnectException && guard.retries().trySpend()) {
            retried = true;
            send();
            return;
        }
        guard.breaker().failed();
        LOG.warnf("%s -> 503: %s", route.service(), cause.toString());
        fail(Refusal.unavailable(route.service()));
    }

    /** Called every tick of {@link Deadlines}. */
    void checkDeadline(long now) {
        if (!finished && answer == null && deadlineAt != 0 && now - deadlineAt >= 0) {
            deadlinePassed();
        }
    }

    private void deadlinePassed() {
        guard.breaker().failed();
        LOG.warnf("%s -> 504: no answer within %d ms", route.service(), route.deadlineMillis());
        dropUpstream();
        fail(Refusal.timeout(route.service(), route.deadlineMillis()));
    }

    /** Bytes from the service. */
    void fromUpstream(ByteBuf bytes) {
        if (finished) {
            bytes.release();
            return;
        }
        if (answer != null) {
            body(bytes);
            return;
        }
        pending = pending == null ? bytes
                : ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(client.alloc(), pending, bytes);
        try {
            answer = ResponseHead.read(pending);
            while (answer != null && answer.status < 200) { // an informational answer: the real one follows
                pending.skipBytes(answer.length);
                answer = ResponseHead.read(pending);
            }
        } catch (RuntimeException notHttp) {
            guard.breaker().failed(); // as the full pipeline counts an answer it cannot read
            broken("an answer that is not HTTP: " + notHttp.getMessage());
            return;
        }
        if (answer == null) {
            return;
        }
        guard.breaker().answered(answer.status);
        ByteBuf rest = pending;
        pending = null;
        if (compressible()) {
            answerHead = rest.readRetainedSlice(answer.length);
            collected = client.alloc().compositeBuffer(64);
            decoded = client.alloc().buffer();
        } else {
            client.write(clientHead(rest, null, 0), client.voidPromise());
            rest.skipBytes(answer.length);
        }
        if (answer.bodiless(head.head)) {
            rest.release();
            end();
            return;
        }
        if (answer.chunked) {
            chunks = new ChunkedFraming();
        } else {
            bodyLeft = answer.contentLength;
        }
        body(rest);
    }

    private boolean compressible() {
        // An answer that ends only when the service closes streams as it came: its end is not known to decode it by.
        return encoding != null && !answer.encoded && !answer.bodiless(head.head) && answer.status != 206
                && !answer.delimitedByClose(head.head)
                && answer.contentLength <= Encodings.MAX_BYTES && Compression.worthIt(answer.contentType,
                answer.contentLength < 0 ? null : String.valueOf(answer.contentLength));
    }

    private void body(ByteBuf bytes) {
        int endAt;
        if (answer.chunked) {
            try {
                endAt = chunks.scan(bytes, bytes.readerIndex(), bytes.writerIndex(), collected != null ? decoded : null);
            } catch (IllegalStateException framing) {
                bytes.release();
                broken("bad chunked framing: " + framing.getMessage());
                return;
            }
        } else if (bodyLeft >= 0) {
            long take = Math.min(bodyLeft, bytes.readableBytes());
            bodyLeft -= take;
            endAt = bodyLeft == 0 ? bytes.readerIndex() + (int) take : -1;
            if (collected != null) {
                decoded.writeBytes(bytes, bytes.readerIndex(), (int) take);
            }
        } else {
            endAt = -1; // until the service closes
        }
        if (endAt >= 0) {
            bytes.writerIndex(endAt); // nothing follows an answer on this connection: the gateway sends one at a time
        }
        pass(bytes);
        if (endAt >= 0) {
            end();
        }
    }

    private void pass(ByteBuf bytes) {
        if (collected == null) {
            if (bytes.isReadable()) {
                client.write(bytes, client.voidPromise());
            } else {
                bytes.release();
            }
            if (!client.isWritable()) {
                upstream.config().setAutoRead(false);
                client.flush();
            }
            return;
        }
        collected.addComponent(true, bytes);
        if (decoded.readableBytes() > Encodings.MAX_BYTES) { // too large to hold: it goes on as it came
            client.write(clientHead(answerHead, null, 0));
            client.write(collected);
            collected = null;
            releaseHeld();
        }
    }

    /** The client can take more: read the service's answer on. */
    void clientWritable() {
        if (upstream != null && !finished) {
            upstream.config().setAutoRead(true);
        }
    }

    private void end() {
        if (collected != null) {
            ByteBuf body = client.alloc().buffer(decoded.readableBytes() / 3 + 64);
            Encodings.compress(encoding, decoded, body);
            client.write(clientHead(answerHead, encoding, body.readableBytes()));
            client.write(body);
            collected.release();
            collected = null;
            releaseHeld();
        }
        finish(answer.status, !answer.close && !answer.delimitedByClose(head.head), !closesClient());
    }

    /**
     * The head for the client from the service's head in {@code source} (at its reader index): status line, the
     * service's headers but its hop ones (and, when compressed, its framing), then the gateway's.
     */
    private ByteBuf clientHead(ByteBuf source, String contentEncoding, int compressedLength) {
        ByteBuf out = client.alloc().buffer(answer.length + 256);
        int base = source.readerIndex();
        out.writeBytes(source, base, answer.statusLineEnd);
        for (int line = 0; line < answer.lines(); line++) {
            if (contentEncoding == null || !answer.framing(line)) {
                out.writeBytes(source, base + answer.lineStart(line), answer.lineEnd(line) - answer.lineStart(line));
            }
        }
        HeadLines.requestId(out, requestId);
        HeadLines.limits(out, verdict);
        if (contentEncoding != null) {
            HeadLines.compressed(out, contentEncoding, compressedLength);
        }
        if (closesClient()) {
            HeadLines.close(out);
        }
        HeadLines.end(out);
        return out;
    }

    private boolean closesClient() {
        return head.close || answer.delimitedByClose(head.head);
    }

    /** The service's connection closed. */
    void upstreamClosed() {
        if (finished) {
            return;
        }
        upstream = null;
        if (answer == null) {
            if (reused && !retried) { // a kept-alive connection the service had closed: try a new one
                retried = true;
                releasePending();
                send();
                return;
            }
            guard.breaker().failed();
            broken("closed before answering");
            return;
        }
        if (answer.delimitedByClose(head.head)) {
            end();
            return;
        }
        broken("closed in the middle of the answer");
    }

    private void broken(String why) {
        LOG.warnf("%s -> 502: %s", route.service(), why);
        dropUpstream();
        if (answer != null && collected == null) { // the head went out already: all that is left is to hang up
            finish(answer.status, false, false);
            return;
        }
        fail(Refusal.broken(route.service()));
    }

    /** The client went away: let the service's connection go too. */
    void clientClosed() {
        if (finished) {
            return;
        }
        if (answer == null) {
            guard.breaker().abandoned();
        }
        dropUpstream();
        finish(0, false, false);
    }

    private void fail(Refusal refusal) {
        Answers.problem(client, refusal, requestId, verdict, head.close);
        finish(refusal.status(), false, !head.close);
    }

    private void dropUpstream() {
        if (upstream != null) {
            UpstreamHandler.of(upstream).exchange = null;
            upstream.close();
            upstream = null;
        }
    }

    private void finish(int status, boolean keepUpstream, boolean keepClient) {
        if (finished) {
            return;
        }
        finished = true;
        releasePending();
        if (collected != null) {
            collected.release();
            collected = null;
        }
        releaseHeld();
        request.release();
        guard.leave();
        if (upstream != null) {
            UpstreamHandler.of(upstream).exchange = null;
            if (keepUpstream) {
                upstream.config().setAutoRead(true);
                door.pool().offer(route.target(), upstream);
            } else {
                upstream.close();
            }
            upstream = null;
        }
        if (status != 0) {
            door.metrics().record(route.service(), head.head ? "HEAD" : "GET", status, System.nanoTime() - started,
                    head.target, requestId);
        }
        front.exchangeDone(keepClient);
    }

    private void releaseHeld() {
        if (answerHead != null) {
            answerHead.release();
            answerHead = null;
        }
        if (decoded != null) {
            decoded.release();
            decoded = null;
        }
    }

    private void releasePending() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }
}
