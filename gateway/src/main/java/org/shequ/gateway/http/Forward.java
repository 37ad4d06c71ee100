package org.shequ.gateway.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.ConnectException;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.shequ.gateway.http.EdgeRoutes.Destination;
import org.shequ.gateway.limits.Verdict;
import org.shequ.gateway.proxy.Refusal;
import org.shequ.gateway.resilience.UpstreamGuards.Guard;
import org.shequ.model.api.RequestId;

/**
 * One admitted request on its way: sent whole on a pooled keep-alive connection, the answer streamed back as the
 * codec decodes it, with the hop's headers removed and the gateway's added. Whatever the service does wrong is that
 * connection's failure, never the next client's: an answer that does not decode, breaks off short, or stalls
 * ({@code stall-timeout}) or takes too long ({@code answer-timeout}) drops the service's connection and counts
 * against its circuit; the client gets a 502 if nothing was sent yet, else its connection (or stream) is cut, so it
 * can tell the answer is incomplete. No answer head within the route's deadline is a 504; no connection, a 503
 * (tried once more within the retry budget for an idempotent request). A pooled connection the service had closed
 * meanwhile is retried once on a new one, for idempotent requests.
 */
final class Forward {

    private static final Logger LOG = Logger.getLogger(Forward.class);

    private final Edge edge;
    private final EdgeConnection connection;
    private final ChannelHandlerContext client;
    private final Destination destination;
    private final Guard guard;
    private final Verdict verdict;
    private final String requestId;
    private final FullHttpRequest request;
    private final boolean head;
    private final boolean idempotent;
    private final boolean keepClient;
    private final long started;
    private final String uri;
    private Channel upstream;
    private boolean reused;
    private boolean retried;
    private long headDeadlineAt;
    private long answerDeadlineAt;
    private long movedAt;
    private boolean answered;
    private boolean informational;
    private boolean keepUpstream;
    private int status;
    private boolean finished;

    Forward(Edge edge, EdgeConnection connection, ChannelHandlerContext client, Destination destination, Guard guard,
            Verdict verdict, String requestId, FullHttpRequest request, boolean head, boolean keepClient,
            long started, String uri) {
        this.edge = edge;
        this.connection = connection;
        this.client = client;
        this.destination = destination;
        this.guard = guard;
        this.verdict = verdict;
        this.requestId = requestId;
        this.request = request;
        this.head = head;
        this.idempotent = switch (request.method().name()) {
            case "GET", "HEAD", "OPTIONS", "PUT", "DELETE" -> true;
            default -> false;
        };
        this.keepClient = keepClient;
        this.started = started;
        this.uri = uri;
    }

    void send() {
        Channel pooled = edge.pool().poll(destination.target());
        if (pooled != null) {
            attach(pooled, true);
            return;
        }
        edge.pool().connect(client.channel().eventLoop(), destination.target())
                .addListener((ChannelFutureListener) connected -> {
                    if (finished) {
                        if (connected.isSuccess()) {
                            edge.pool().offer(destination.target(), connected.channel());
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
        UpstreamHandler.of(channel).forward = this;
        long now = System.nanoTime();
        if (headDeadlineAt == 0) {
            headDeadlineAt = now + TimeUnit.MILLISECONDS.toNanos(destination.deadlineMillis());
            answerDeadlineAt = now + edge.settings().answerTimeout().toNanos();
        }
        channel.writeAndFlush(request.retainedDuplicate(), channel.voidPromise());
    }

    private void connectFailed(Throwable cause) {
        if (!retried && cause instanceof ConnectException && idempotent && !request.content().isReadable()
                && guard != null && guard.retries().trySpend()) {
            retried = true;
            send();
            return;
        }
        failed();
        LOG.warnf("%s -> 503: %s", destination.name(), cause.toString());
        fail(Refusal.unavailable(destination.name()));
    }

    /** What the service's codec decoded. */
    void fromUpstream(HttpObject message) {
        try {
            if (finished) {
                return;
            }
            if (message.decoderResult().isFailure()) {
                failed();
                broken("an answer that is not valid HTTP (" + message.decoderResult().cause().getMessage() + ")");
                return;
            }
            if (message instanceof HttpResponse answer) {
                if (answer.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                    if (answer.status().code() == 101) {
                        failed();
                        broken("a protocol switch the gateway does not relay");
                        return;
                    }
                    informational = true; // 100 or 103: the real answer follows
                } else {
                    head(answer);
                }
            }
            if (message instanceof HttpContent content && !finished) {
                if (informational) {
                    informational = !(content instanceof LastHttpContent);
                    return;
                }
                body(content);
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    private void head(HttpResponse answer) {
        answered = true;
        movedAt = System.nanoTime();
        status = answer.status().code();
        if (guard != null) {
            guard.breaker().answered(status);
        }
        keepUpstream = HttpUtil.isKeepAlive(answer);
        HttpResponse toClient = new DefaultHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status, answer.status().reasonPhrase()));
        HopHeaders.toClient(answer.headers(), toClient.headers());
        toClient.headers().set(RequestId.HEADER, requestId);
        Answers.limits(toClient.headers(), verdict);
        boolean bodiless = head || status == 204 || status == 304;
        if (!bodiless && !answer.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            HttpUtil.setTransferEncodingChunked(toClient, true);
        }
        if (!keepClient) {
            toClient.headers().set("Connection", "close");
        }
        client.write(toClient, client.voidPromise());
    }

    private void body(HttpContent content) {
        if (!answered) {
            failed();
            broken("a body before any answer head");
            return;
        }
        movedAt = System.nanoTime();
        if (content instanceof LastHttpContent) {
            // Trailers stay behind: nothing the services send needs them, and they would reach HTTP/2 clients raw.
            client.writeAndFlush(new DefaultLastHttpContent(content.content().retain()), client.voidPromise());
            finish(keepUpstream, keepClient);
            return;
        }
        client.write(content.retain(), client.voidPromise());
        if (!client.channel().isWritable()) {
            upstream.config().setAutoRead(false); // the client is not taking it: stop reading the service
            client.flush();
        }
    }

    /** The service has no more to say for now: what it said goes out to the client together. */
    void upstreamReadComplete() {
        if (!finished && answered) {
            client.flush();
        }
    }

    /** The client can take more: read the service's answer on. */
    void clientWritable() {
        if (upstream != null && !finished) {
            upstream.config().setAutoRead(true);
        }
    }

    /** Every tick of {@link Deadlines}. */
    void checkDeadline(long now) {
        if (finished || headDeadlineAt == 0) {
            return;
        }
        if (!answered && now - headDeadlineAt >= 0) {
            failed();
            LOG.warnf("%s -> 504: no answer within %d ms", destination.name(), destination.deadlineMillis());
            dropUpstream();
            fail(Refusal.timeout(destination.name(), destination.deadlineMillis()));
        } else if (answered && now - movedAt > edge.settings().stallTimeout().toNanos()) {
            broken("the answer stalled for " + edge.settings().stallTimeout().toSeconds() + " s");
        } else if (answered && !destination.stream() && now - answerDeadlineAt >= 0) {
            broken("the answer took over " + edge.settings().answerTimeout().toSeconds() + " s");
        }
    }

    /** The service's connection closed. */
    void upstreamClosed() {
        if (finished) {
            return;
        }
        upstream = null;
        if (!answered && reused && !retried && idempotent) { // a kept-alive connection the service had closed
            retried = true;
            send();
            return;
        }
        failed();
        broken(answered ? "the connection closed in the middle of the answer" : "the connection closed before answering");
    }

    private void failed() {
        if (guard != null) {
            guard.breaker().failed();
        }
    }

    private void broken(String why) {
        LOG.warnf("%s -> 502: %s", destination.name(), why);
        dropUpstream();
        if (!answered) {
            fail(Refusal.broken(destination.name()));
            return;
        }
        // The head went out already: all that is left is to hang up, so the client sees the answer is short.
        finish(false, false);
        client.close();
    }

    /** The client went away: let the service's connection go too. */
    void clientClosed() {
        if (finished) {
            return;
        }
        if (!answered && guard != null) {
            guard.breaker().abandoned();
        }
        dropUpstream();
        status = 0;
        finish(false, false);
    }

    private void fail(Refusal refusal) {
        status = refusal.status();
        Answers.problem(client, refusal, requestId, verdict, !keepClient);
        finish(false, keepClient);
    }

    private void dropUpstream() {
        if (upstream != null) {
            UpstreamHandler.of(upstream).forward = null;
            upstream.close();
            upstream = null;
        }
    }

    private void finish(boolean reuseUpstream, boolean keepTheClient) {
        if (finished) {
            return;
        }
        finished = true;
        request.release();
        if (guard != null) {
            guard.leave();
        }
        if (upstream != null) {
            UpstreamHandler.of(upstream).forward = null;
            if (reuseUpstream) {
                upstream.config().setAutoRead(true);
                edge.pool().offer(destination.target(), upstream);
            } else {
                upstream.close();
            }
            upstream = null;
        }
        if (status != 0) {
            edge.metrics().record(destination.name(), request.method().name(), status, System.nanoTime() - started,
                    uri, requestId);
        }
        connection.exchangeDone(status, keepTheClient);
    }
}
