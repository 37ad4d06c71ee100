package org.shequ.gateway.front;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.shequ.gateway.edge.TokenVerifier;
import org.shequ.gateway.limits.RateLimiter;
import org.shequ.gateway.observability.RouteMetrics;
import org.shequ.gateway.proxy.ServiceRoutes;
import org.shequ.gateway.resilience.UpstreamGuards;

/**
 * The gateway's public port. Reads of the services, the bulk of a city's traffic, are served here on the bytes
 * (edge checks, pooled keep-alive connections, answers streamed back) at a fraction of what a full HTTP stack
 * costs per request; every other request — writes, the gateway's own endpoints, browsers (CORS), anything unusual —
 * goes with its connection to the full pipeline, Quarkus' HTTP server, listening only on a Unix socket
 * ({@code quarkus.http.domain-socket}). Runs on Vert.x' own event loops (native epoll): no thread of its own.
 * docs/GATEWAY.md, "The front door", says why and what each path does.
 */
@ApplicationScoped
public class FrontDoor {

    private static final Logger LOG = Logger.getLogger(FrontDoor.class);

    private final ServiceRoutes routes;
    private final TokenVerifier verifier;
    private final RateLimiter limiter;
    private final UpstreamGuards guards;
    private final RouteMetrics metrics;
    private final Vertx vertx;
    private final UpstreamPool pool = new UpstreamPool();
    private final Deadlines deadlines = new Deadlines();
    private Bootstrap pipelineBootstrap;
    private Channel server;
    private Path socket;
    private long idleTimeoutNanos;

    private final LongAdder served = new LongAdder();
    private final LongAdder handedOver = new LongAdder();

    public FrontDoor(ServiceRoutes routes, TokenVerifier verifier, RateLimiter limiter, UpstreamGuards guards,
                     RouteMetrics metrics, Vertx vertx, MeterRegistry registry) {
        // A function counter reads its adder: one left by an earlier start in this JVM (tests) would read a stale one.
        registry.find("shequ.gateway.front.door").meters().forEach(registry::remove);
        for (var path : java.util.Map.of("served", served, "handed-over", handedOver).entrySet()) {
            FunctionCounter.builder("shequ.gateway.front.door", path.getValue(), LongAdder::doubleValue)
                    .description("Requests the front door answered itself, and connections it handed to the full "
                            + "pipeline").tag("path", path.getKey()).register(registry);
        }
        // The beans themselves, not their client proxies: each call through a proxy looks the bean up again.
        this.routes = ClientProxy.unwrap(routes);
        this.verifier = ClientProxy.unwrap(verifier);
        this.limiter = ClientProxy.unwrap(limiter);
        this.guards = ClientProxy.unwrap(guards);
        this.metrics = ClientProxy.unwrap(metrics);
        this.vertx = vertx;
    }

    void open(@Observes StartupEvent start) throws InterruptedException {
        if (!(vertx.nettyEventLoopGroup() instanceof EpollEventLoopGroup loops)) {
            throw new IllegalStateException("The gateway's front door needs Linux' native epoll transport "
                    + "(quarkus.vertx.prefer-native-transport=true and netty-transport-native-epoll)");
        }
        var config = ConfigProvider.getConfig();
        socket = Path.of(config.getValue("quarkus.http.domain-socket", String.class));
        String host = config.getValue("quarkus.http.host", String.class);
        int port = LaunchMode.current() == LaunchMode.TEST
                ? config.getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081)
                : config.getValue("quarkus.http.port", Integer.class);
        idleTimeoutNanos = config.getOptionalValue("quarkus.http.idle-timeout", java.time.Duration.class)
                .orElse(java.time.Duration.ofMinutes(30)).toNanos();
        pipelineBootstrap = new Bootstrap().channel(EpollDomainSocketChannel.class);
        server = new ServerBootstrap()
                .group(loops)
                .channel(EpollServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new FrontConnection(FrontDoor.this));
                    }
                })
                .bind(host, port).sync().channel();
        LOG.infof("Front door on http://%s:%d; the full pipeline on %s", host, port(), socket);
    }

    /**
     * No new connections; the requests in flight (this replica's, on either path) are given the shutdown timeout to
     * finish before Vert.x' event loops, which carry them, stop.
     */
    void close(@Observes ShutdownEvent stop) throws Exception {
        if (server != null) {
            server.close().sync();
        }
        long until = System.nanoTime() + ConfigProvider.getConfig()
                .getOptionalValue("quarkus.shutdown.timeout", java.time.Duration.class)
                .orElse(java.time.Duration.ofSeconds(20)).toNanos();
        while (guards.inFlight() > 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        if (socket != null) {
            Files.deleteIfExists(socket);
        }
    }

    /** The port the front door listens on (a free one in tests). */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    ChannelFuture connectPipeline(EventLoop loop, SlowLane lane) {
        return pipelineBootstrap.clone(loop).handler(lane).connect(new DomainSocketAddress(socket.toString()));
    }

    ServiceRoutes routes() {
        return routes;
    }

    TokenVerifier verifier() {
        return verifier;
    }

    RateLimiter limiter() {
        return limiter;
    }

    UpstreamGuards guards() {
        return guards;
    }

    RouteMetrics metrics() {
        return metrics;
    }

    void served() {
        served.increment();
    }

    void handedOver() {
        handedOver.increment();
    }

    long idleTimeoutNanos() {
        return idleTimeoutNanos;
    }

    Deadlines deadlines() {
        return deadlines;
    }

    UpstreamPool pool() {
        return pool;
    }
}
