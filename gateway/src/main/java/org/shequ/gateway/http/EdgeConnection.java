package org.shequ.gateway.http;

import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler.PriorKnowledgeUpgradeEvent;
import io.netty.handler.codec.http.cors.CorsHandler;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Future;
import org.shequ.gateway.edge.Caller;
import org.shequ.gateway.edge.EdgeAuth;
import org.shequ.gateway.http.EdgeRoutes.Destination;
import org.shequ.gateway.limits.RateLimiter;
import org.shequ.gateway.limits.Verdict;
import org.shequ.gateway.proxy.Refusal;
import org.shequ.gateway.resilience.UpstreamGuards.Guard;
import org.shequ.model.api.RequestId;
import org.shequ.model.api.Stopping;

/**
 * One client connection (HTTP/1.1) or stream (HTTP/2) at the edge, and the steps every request takes here, in
 * order, each able to answer on its own: the message must decode and pass {@link RequestChecks} (400, 417, 501,
 * 505, and the connection closes); the gateway must not be stopping (503); the token must hold (401), a write
 * needs a Shequ role (403); the client's rate limit is spent (429) and it may not have too many requests in flight
 * (429); a body over the limit is refused (413); a service's circuit must be closed and its queue not full (503);
 * then the request goes on ({@link Forward}) with its deadline. HTTP/1.1 requests are taken one at a time, and the
 * next is read only when the last answer was taken by the client: a client that does not read stops being read.
 */
final class EdgeConnection extends ChannelInboundHandlerAdapter {

    private final Edge edge;
    private final String peer;
    private final boolean http2;
    private final Caller anonymous;
    private ChannelHandlerContext ctx;

    /** The request being read, from its head to its last byte, and what the steps decided about it. */
    private HttpRequest request;
    private String requestId;
    private String path;
    private String query;
    private Destination destination;
    private Caller caller;
    private Verdict verdict;
    private Guard guard;
    private boolean admitted;
    private boolean refused;
    private boolean lastContent;
    private CompositeByteBuf body;
    private long startedNanos;
    private Forward forward;
    private boolean closing;

    /** When the first byte of the next head arrived (0: none yet), when the connection fell idle, the body moved. */
    private long headBytesAt;
    private long idleSince = System.nanoTime();
    private long bodyMovedAt;
    private boolean awaitingMessage;
    private boolean messageArrived;

    /** The last token checked on this connection, so a client's next request costs a string comparison. */
    private String lastAuthorization;
    private Caller lastCaller;
    private long lastCallerValidUntil;
    /** Where the last caller's requests to the last route were counted, kept while both stay the same. */
    private RateLimiter.Lane lane;
    private Caller laneCaller;
    private String laneRoute;

    EdgeConnection(Edge edge, String peer, boolean http2) {
        this.edge = edge;
        this.peer = peer;
        this.http2 = http2;
        this.anonymous = Caller.anonymous(peer);
    }

    /** Sits before the codec and notes when a head's first byte came, so a head trickled in byte by byte ends. */
    ChannelHandler byteWatch() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext context, Object msg) {
                if (request == null && forward == null && headBytesAt == 0) {
                    headBytesAt = System.nanoTime();
                }
                context.fireChannelRead(msg);
            }
        };
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        ctx = context;
        edge.deadlines().watch(this, context.channel().eventLoop());
        if (context.channel().isActive()) {
            readNext();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        readNext();
        context.fireChannelActive();
    }

    private void readNext() {
        awaitingMessage = true;
        messageArrived = false;
        ctx.read();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        messageArrived = true;
        awaitingMessage = false;
        try {
            if (closing) {
                return;
            }
            if (msg instanceof HttpRequest head) {
                onHead(head);
            }
            if (msg instanceof HttpContent content && request != null && !closing) {
                onContent(content);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        // A message another handler took for itself (a CORS preflight it answered) leaves the read unanswered.
        if (awaitingMessage && !messageArrived && !closing) {
            context.read();
        }
        context.fireChannelReadComplete();
    }

    private void onHead(HttpRequest head) {
        request = head;
        headBytesAt = 0;
        startedNanos = System.nanoTime();
        bodyMovedAt = startedNanos;
        requestId = RequestId.acceptOrCreate(head.headers().get(RequestId.HEADER));
        if (head.decoderResult().isFailure()) {
            malformed(head.decoderResult().cause());
            return;
        }
        RequestChecks.Refused wrong = RequestChecks.check(head, http2);
        if (wrong != null) {
            String reason = HttpResponseStatus.valueOf(wrong.status()).reasonPhrase();
            refuse(Refusal.malformed(wrong.status(), reason, wrong.slug(), reason, wrong.detail()));
            return;
        }
        if (Stopping.began()) {
            refuse(Refusal.shuttingDown());
            return;
        }
        RequestTarget target = RequestTarget.parse(head.uri());
        if (target == null) {
            refuse(RequestTarget.refusal(head.uri()));
            return;
        }
        path = target.path();
        query = target.query();
        destination = edge.routes().of(path);
        String authorization = head.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (authorization != null && authorization.equals(lastAuthorization)
                && System.currentTimeMillis() <= lastCallerValidUntil) {
            admit(lastCaller);
            return;
        }
        Future<Caller> verified = edge.auth().authenticate(head.method().name(), authorization, path,
                edgeAnonymous(head));
        if (verified.isComplete()) {
            authenticated(verified, authorization);
            return;
        }
        verified.onComplete(done -> ctx.executor().execute(() -> {
            if (request == head && !closing) {
                authenticated(verified, authorization);
            }
        }));
    }

    /** An anonymous caller counts under its address: behind a trusted proxy, the one that proxy names. */
    private Caller edgeAnonymous(HttpRequest head) {
        String address = clientAddress(head.headers());
        return address.equals(peer) ? anonymous : Caller.anonymous(address);
    }

    private String clientAddress(HttpHeaders headers) {
        return edge.addresses().of(peer, headers.getAll(edge.addresses().headerName()));
    }

    private void authenticated(Future<Caller> verified, String authorization) {
        if (verified.failed()) {
            refuse(Refusal.unauthorized(verified.cause()));
            return;
        }
        Caller who = verified.result();
        if (authorization != null) {
            lastAuthorization = authorization;
            lastCaller = who;
            lastCallerValidUntil = edge.verifier().validUntilMillis(who);
        }
        admit(who);
    }

    private void admit(Caller who) {
        caller = who;
        if (!EdgeAuth.isRead(request.method().name()) && !EdgeAuth.mayChange(who)) {
            refuse(Refusal.forbidden("The token carries no Shequ role that may change anything"));
            return;
        }
        verdict = limit(destination.name(), who);
        if (verdict != null && !verdict.allowed()) {
            refuse(Refusal.rateLimited(verdict));
            return;
        }
        long declared = HttpUtil.getContentLength(request, -1L);
        if (declared > edge.maxBodyBytes()) {
            refuse(Refusal.tooLarge(edge.maxBodyBytes()));
            return;
        }
        if (!edge.slots().enter(who.limitKey())) {
            refuse(Refusal.tooManyInFlight(edge.settings().maxInFlightPerClient()));
            return;
        }
        Refusal unguarded = destination.guarded() ? guard() : null;
        if (unguarded != null) {
            edge.slots().leave(who.limitKey());
            refuse(unguarded);
            return;
        }
        admitted = true;
        if (HttpUtil.is100ContinueExpected(request) && !http2) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE),
                    ctx.voidPromise());
        }
        if (lastContent) {
            forward();
        } else {
            readNext();
        }
    }

    /** The service's circuit must be closed and its queue not full; takes a place in the queue. */
    private Refusal guard() {
        guard = edge.guards().of(destination.name());
        guard.retries().earn();
        if (!guard.breaker().tryPass()) {
            Refusal open = Refusal.circuitOpen(destination.name(), guard.breaker().secondsUntilTrial());
            guard = null;
            return open;
        }
        if (!guard.enter()) {
            guard.breaker().abandoned();
            guard = null;
            return Refusal.busy(destination.name());
        }
        return null;
    }

    private Verdict limit(String route, Caller who) {
        if (who != laneCaller || !route.equals(laneRoute)) {
            lane = edge.limiter().lane(route, who);
            laneCaller = who;
            laneRoute = route;
        }
        return lane == null ? null : edge.limiter().take(lane);
    }

    private void onContent(HttpContent content) {
        if (content.decoderResult().isFailure()) {
            malformed(content.decoderResult().cause());
            return;
        }
        bodyMovedAt = System.nanoTime();
        int size = content.content().readableBytes();
        if (size > 0) {
            if (body == null) {
                body = ctx.alloc().compositeBuffer(64);
            }
            if (body.readableBytes() + (long) size > edge.maxBodyBytes()) {
                refuse(Refusal.tooLarge(edge.maxBodyBytes()));
                return;
            }
            body.addComponent(true, content.content().retain());
        }
        if (content instanceof LastHttpContent) {
            lastContent = true;
            if (admitted) {
                forward();
            }
        } else if (admitted) {
            readNext();
        }
    }

    private void forward() {
        FullHttpRequest toService = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, request.method(),
                query == null ? path : path + "?" + query,
                body == null ? ctx.alloc().buffer(0) : body);
        body = null;
        HopHeaders.toService(request.headers(), toService.headers());
        Forwarding.describe(request.headers(), toService.headers(), clientAddress(request.headers()), scheme(),
                requestId);
        if (toService.content().isReadable() || !HttpUtil.isContentLengthSet(request) && bodyAllowed()) {
            HttpUtil.setContentLength(toService, toService.content().readableBytes());
        }
        boolean keepClient = http2 || HttpUtil.isKeepAlive(request);
        forward = new Forward(edge, this, ctx, destination, guard, verdict, requestId, toService,
                request.method() == HttpMethod.HEAD, keepClient, startedNanos, request.uri());
        guard = null;
        forward.send();
    }

    private String scheme() {
        Channel connection = http2 ? ctx.channel().parent() : ctx.channel();
        return connection != null && connection.pipeline().get(SslHandler.class) != null ? "https" : "http";
    }

    private boolean bodyAllowed() {
        HttpMethod method = request.method();
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
    }

    /** The exchange in flight is over; the connection goes on to the next request, or closes. */
    void exchangeDone(int status, boolean keepClient) {
        forward = null;
        if (caller != null) {
            edge.slots().leave(caller.limitKey());
        }
        reset();
        if (!keepClient) {
            closing = true;
            if (!http2) {
                ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
            return;
        }
        ctx.flush();
        if (!http2) {
            resumeWhenWritable();
        }
    }

    /** The next request is read once the client has taken this answer, and never from inside this call stack. */
    private void resumeWhenWritable() {
        if (ctx.channel().isWritable()) {
            ctx.executor().execute(() -> {
                if (!closing && request == null && ctx.channel().isActive()) {
                    readNext();
                }
            });
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (context.channel().isWritable()) {
            if (forward != null) {
                forward.clientWritable();
            } else if (request == null && !closing && !http2) {
                readNext();
            }
        }
        context.fireChannelWritabilityChanged();
    }

    private void malformed(Throwable cause) {
        if (cause instanceof TooLongHttpHeaderException) {
            refuse(Refusal.malformed(431, "Request Header Fields Too Large", "headers-too-large",
                    "Request header fields too large", "The request's headers are over " + StrictHttp.MAX_HEADERS
                            + " bytes"));
        } else if (cause instanceof TooLongHttpLineException) {
            refuse(Refusal.malformed(414, "URI Too Long", "uri-too-long", "URI too long",
                    "The request line is over " + StrictHttp.MAX_INITIAL_LINE + " bytes"));
        } else if (cause instanceof TooLongFrameException) {
            refuse(Refusal.tooLarge(edge.maxBodyBytes()));
        } else {
            refuse(Refusal.malformed(400, "Bad Request", "bad-request", "Bad request",
                    "The request is not valid HTTP: " + cause.getMessage()));
        }
    }

    /**
     * The edge answers instead of the service. An HTTP/1.1 connection closes after it when the refusal says so, the
     * client asked, or a body the edge did not read would follow: its bytes cannot be told from the next request.
     */
    private void refuse(Refusal refusal) {
        if (refused) {
            return;
        }
        refused = true;
        if (guard != null) {
            guard.leave();
            guard = null;
        }
        boolean unreadBody = !lastContent && request != null && (HttpUtil.isTransferEncodingChunked(request)
                || !"0".equals(request.headers().get(HttpHeaderNames.CONTENT_LENGTH, "0").strip()));
        boolean close = !http2 && (refusal.closes() || unreadBody || request == null
                || !HttpUtil.isKeepAlive(request));
        if (admitted && caller != null) {
            edge.slots().leave(caller.limitKey());
        }
        // An answer to no request at all (a head that never ended) goes past the compressor, which pairs answers to
        // the requests it saw.
        ChannelHandlerContext out = request == null && !http2 ? ctx.pipeline().context(FlowControlHandler.class) : ctx;
        Answers.problem(out, refusal, requestId == null ? RequestId.acceptOrCreate(null) : requestId, verdict, close);
        edge.metrics().record(destination == null ? "gateway" : destination.name(),
                request == null ? "-" : request.method().name(), refusal.status(),
                System.nanoTime() - startedNanos, request == null ? "-" : request.uri(), requestId);
        reset();
        if (close) {
            closing = true;
        } else if (!http2) {
            resumeWhenWritable();
        }
    }

    private void reset() {
        request = null;
        destination = null;
        caller = null;
        verdict = null;
        admitted = false;
        refused = false;
        lastContent = false;
        path = null;
        query = null;
        idleSince = System.nanoTime();
        if (body != null) {
            body.release();
            body = null;
        }
    }

    /** Every tick of {@link Deadlines}: the exchange's deadlines, a head or body that takes too long, idle time. */
    void checkDeadlines(long now) {
        if (closing) {
            return;
        }
        if (forward != null) {
            forward.checkDeadline(now);
            return;
        }
        long head = edge.settings().headTimeout().toNanos();
        if (request == null && headBytesAt != 0 && now - headBytesAt > head) {
            timedOut("The request head did not arrive within " + edge.settings().headTimeout().toSeconds() + " s");
        } else if (request != null && admitted && now - bodyMovedAt > edge.settings().stallTimeout().toNanos()) {
            timedOut("The request body stalled for " + edge.settings().stallTimeout().toSeconds() + " s");
        } else if (request == null && headBytesAt == 0 && now - idleSince > edge.idleTimeoutNanos()) {
            closing = true;
            ctx.close();
        }
    }

    private void timedOut(String detail) {
        if (request == null) {
            requestId = RequestId.acceptOrCreate(null);
        }
        refuse(Refusal.requestTimeout(detail));
        if (http2) {
            ctx.close();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event instanceof PriorKnowledgeUpgradeEvent) {
            // HTTP/2 took the connection over: its streams have steps of their own; these HTTP/1.1 ones step aside.
            context.pipeline().remove(FlowControlHandler.class);
            context.pipeline().remove(CorsHandler.class);
            context.pipeline().remove(EdgeCompressor.class);
            context.pipeline().remove(this);
            return;
        }
        context.fireUserEventTriggered(event);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        edge.deadlines().forget(this);
        if (body != null) {
            body.release();
            body = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        closing = true;
        if (forward != null) {
            forward.clientClosed();
        } else if (admitted && caller != null) {
            edge.slots().leave(caller.limitKey());
            admitted = false;
        }
        if (guard != null) {
            guard.leave();
            guard = null;
        }
        reset();
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        context.close();
    }
}
