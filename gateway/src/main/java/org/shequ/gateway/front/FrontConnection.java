package org.shequ.gateway.front;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import java.net.InetSocketAddress;
import org.shequ.gateway.edge.Caller;
import org.shequ.gateway.limits.RateLimiter;
import org.shequ.gateway.limits.Verdict;
import org.shequ.gateway.proxy.Refusal;
import org.shequ.gateway.proxy.ServiceRoutes.ServiceRoute;
import org.shequ.gateway.resilience.UpstreamGuards.Guard;
import org.shequ.model.api.RequestId;
import org.shequ.model.api.Stopping;
import org.shequ.model.api.TraceParent;

/**
 * One client connection at the front door. Each request head is read from the bytes; a read of a service it serves
 * itself, running the edge's checks in the full pipeline's order ({@code EdgePipeline}: the token, the rate limit,
 * the circuit and the queue), one request at a time. The first request it does not serve hands the connection to
 * the {@link SlowLane} for good, with every byte not yet answered.
 */
final class FrontConnection extends ChannelInboundHandlerAdapter {

    private final FrontDoor door;
    private ChannelHandlerContext ctx;
    private ByteBuf in;
    private Exchange exchange;
    private SlowLane slow;
    private String address;
    private long lastReadNanos = System.nanoTime();
    /** The last token checked on this connection, so a client's next request costs a byte comparison. */
    private byte[] lastAuthorization;
    private Caller lastCaller;
    private long lastCallerValidUntil;
    private Caller anonymous;
    /** Where the last caller's requests to the last service were counted, kept while both stay the same. */
    private RateLimiter.Lane lane;
    private Caller laneCaller;
    private String laneService;
    private ServiceRoute guardedRoute;
    private Guard guard;

    FrontConnection(FrontDoor door) {
        this.door = door;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        ctx = context;
        address = context.channel().remoteAddress() instanceof InetSocketAddress remote
                ? remote.getAddress().getHostAddress() : "unknown";
        anonymous = Caller.anonymous(address);
        door.deadlines().watch(this, context.channel().eventLoop());
    }

    /** Called every tick of {@link Deadlines}: the exchange's deadline, and the connection's idle time. */
    void checkDeadline(long now) {
        if (exchange != null) {
            exchange.checkDeadline(now);
        } else if (slow == null && now - lastReadNanos > door.idleTimeoutNanos()) {
            ctx.close(); // idle, or a head that never completes: as Quarkus' idle timeout does on the other path
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        lastReadNanos = System.nanoTime();
        if (slow != null) {
            slow.fromClient(bytes);
            return;
        }
        in = in == null ? bytes : ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(context.alloc(), in, bytes);
        if (exchange == null) {
            next();
        } else {
            context.channel().config().setAutoRead(false); // one request at a time; read on after the answer
        }
    }

    /** Serves the requests already read, in order, until one is incomplete, in flight or handed over. */
    private void next() {
        while (exchange == null && slow == null && in != null && in.isReadable()) {
            ByteBuf toService = ctx.alloc().buffer(Math.min(in.readableBytes(), RequestHead.MAX_HEAD_BYTES) + 320);
            RequestHead head = RequestHead.read(in, toService);
            if (head == null) {
                toService.release();
                ctx.channel().config().setAutoRead(true);
                return;
            }
            ServiceRoute route = head == RequestHead.NOT_MINE ? null : door.routes().match(head.path);
            if (route == null || route.target().tls() || !admit(head, route, toService)) {
                toService.release();
                handOver();
                return;
            }
        }
        if (in != null && !in.isReadable()) {
            in.release();
            in = null;
        }
        if (exchange == null && slow == null) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    /**
     * The edge's checks, answering refusals itself. False when the request is the full pipeline's after all (its
     * token needs keys not in memory yet); nothing is consumed then. Takes {@code toService} otherwise.
     */
    private boolean admit(RequestHead head, ServiceRoute route, ByteBuf toService) {
        long started = System.nanoTime();
        Caller caller;
        Throwable refused = null;
        if (!head.hasAuthorization()) {
            caller = anonymous;
        } else if (head.authorizationIs(lastAuthorization) && System.currentTimeMillis() <= lastCallerValidUntil) {
            caller = lastCaller;
        } else {
            Future<Caller> verified = door.verifier().verify(head.authorization());
            if (!verified.isComplete()) {
                return false;
            }
            caller = verified.result();
            refused = verified.cause();
            if (caller != null) {
                lastAuthorization = head.authorizationBytes();
                lastCaller = caller;
                lastCallerValidUntil = door.verifier().validUntilMillis(caller);
            }
        }
        in.skipBytes(head.length);
        door.served();
        String requestId = RequestId.acceptOrCreate(head.requestId);
        Verdict verdict = null;
        Refusal refusal = Stopping.began() ? Refusal.shuttingDown() : refused != null ? Refusal.unauthorized(refused)
                : null;
        if (refusal == null) {
            verdict = limit(route.service(), caller);
            refusal = verdict != null && !verdict.allowed() ? Refusal.rateLimited(verdict) : guard(route);
        }
        if (refusal != null) {
            toService.release();
            boolean close = refusal.closes() || head.close;
            Answers.problem(ctx.channel(), refusal, requestId, verdict, close);
            door.metrics().record(route.service(), head.head ? "HEAD" : "GET", refusal.status(),
                    System.nanoTime() - started, head.target, requestId);
            if (close) {
                ctx.channel().config().setAutoRead(false);
                in.skipBytes(in.readableBytes());
            }
            return true;
        }
        finishHead(toService, head, requestId);
        exchange = new Exchange(door, this, ctx.channel(), head, route, guard, verdict, requestId, toService,
                started);
        exchange.send();
        return true;
    }

    /** The service's circuit must be closed and its queue not full; takes a place in the queue. */
    private Refusal guard(ServiceRoute route) {
        if (route != guardedRoute) {
            guard = door.guards().of(route.service());
            guardedRoute = route;
        }
        guard.retries().earn();
        if (!guard.breaker().tryPass()) {
            return Refusal.circuitOpen(route.service(), guard.breaker().secondsUntilTrial());
        }
        if (!guard.enter()) {
            guard.breaker().abandoned();
            return Refusal.busy(route.service());
        }
        return null;
    }

    private Verdict limit(String service, Caller caller) {
        if (caller != laneCaller || !service.equals(laneService)) {
            lane = door.limiter().lane(service, caller);
            laneCaller = caller;
            laneService = service;
        }
        return lane == null ? null : door.limiter().take(lane);
    }

    /** What the gateway says to the service beyond the client's headers: where the request came from, its ids. */
    private void finishHead(ByteBuf toService, RequestHead head, String requestId) {
        HeadLines.forwarded(toService, address, head.host);
        HeadLines.requestId(toService, requestId);
        HeadLines.traceParent(toService, TraceParent.nextHop(head.traceParent));
        HeadLines.end(toService);
    }

    /** The exchange in flight is over; the connection goes on to the next request or closes. */
    void exchangeDone(boolean keepAlive) {
        exchange = null;
        if (!keepAlive) {
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.flush();
        next();
    }

    private void handOver() {
        door.handedOver();
        ByteBuf buffered = in;
        in = null;
        slow = SlowLane.open(ctx.channel(), buffered, door);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        boolean writable = context.channel().isWritable();
        if (slow != null) {
            slow.clientWritable(writable);
        } else if (exchange != null && writable) {
            exchange.clientWritable();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        door.deadlines().forget(this);
        if (exchange != null) {
            exchange.clientClosed();
        }
        if (slow != null) {
            slow.clientClosed();
        }
        if (in != null) {
            in.release();
            in = null;
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        context.close();
    }
}
