package org.shequ.gateway.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.handler.ssl.SslContext;
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
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.shequ.gateway.GatewayConfig;
import org.shequ.gateway.edge.ClientAddresses;
import org.shequ.gateway.edge.EdgeAuth;
import org.shequ.gateway.edge.TokenVerifier;
import org.shequ.gateway.limits.RateLimiter;
import org.shequ.gateway.observability.RouteMetrics;
import org.shequ.gateway.resilience.UpstreamGuards;

/**
 * The gateway's one public port. Every request, whatever its path, method or protocol, takes the same steps in
 * {@link EdgeConnection}: HTTP/1.1 read by Netty's strict codec ({@link StrictHttp}), or HTTP/2 (cleartext with
 * prior knowledge, or over TLS by ALPN); then the edge's checks; then it is forwarded, to its service or to the
 * gateway's own endpoints (Quarkus' HTTP server, listening only on a Unix socket behind this port). Runs on Vert.x'
 * event loops (native epoll): no thread of its own. docs/GATEWAY.md, "One edge", says what each step does.
 */
@ApplicationScoped
public class EdgeServer {

    private static final Logger LOG = Logger.getLogger(EdgeServer.class);

    private final Edge edge;
    private final Vertx vertx;
    private Channel server;
    private Path socket;

    public EdgeServer(GatewayConfig config, EdgeRoutes routes, TokenVerifier verifier, EdgeAuth auth,
                      ClientAddresses addresses, RateLimiter limiter, UpstreamGuards guards, RouteMetrics metrics,
                      Vertx vertx, MeterRegistry registry) {
        // The beans themselves, not their client proxies: each call through a proxy looks the bean up again.
        long idleTimeoutNanos = ConfigProvider.getConfig().getOptionalValue("quarkus.http.idle-timeout", Duration.class)
                .orElse(Duration.ofMinutes(30)).toNanos();
        this.edge = new Edge(config.edge(), config.maxBodyBytes(), idleTimeoutNanos, ClientProxy.unwrap(routes),
                ClientProxy.unwrap(verifier), ClientProxy.unwrap(auth), ClientProxy.unwrap(addresses),
                ClientProxy.unwrap(limiter), ClientProxy.unwrap(guards), ClientProxy.unwrap(metrics),
                new UpstreamPool(Tls.forUpstreams(config)), new Deadlines(), new ClientSlots(config.edge()),
                Cors.fromQuarkusConfig());
        this.vertx = vertx;
        registry.find("shequ.gateway.edge.connections").meters().forEach(registry::remove);
        Gauge.builder("shequ.gateway.edge.connections", edge.slots(), ClientSlots::connections)
                .description("Client connections open at the edge, a trusted proxy's not counted")
                .strongReference(true).register(registry);
    }

    void open(@Observes StartupEvent start) throws InterruptedException {
        if (!(vertx.nettyEventLoopGroup() instanceof EpollEventLoopGroup loops)) {
            throw new IllegalStateException("The gateway's edge needs Linux' native epoll transport "
                    + "(quarkus.vertx.prefer-native-transport=true and netty-transport-native-epoll)");
        }
        var config = ConfigProvider.getConfig();
        socket = Path.of(config.getValue("quarkus.http.domain-socket", String.class));
        String host = config.getValue("quarkus.http.host", String.class);
        int port = LaunchMode.current() == LaunchMode.TEST
                ? config.getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081)
                : config.getValue("quarkus.http.port", Integer.class);
        SslContext tls = Tls.forClients(edge.settings());
        server = new ServerBootstrap()
                .group(loops)
                .channel(EpollServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(32 * 1024, edge.settings().maxBufferedBytes()))
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        Protocols.configure(channel, edge, tls);
                    }
                })
                .bind(host, port).sync().channel();
        LOG.infof("Edge on http%s://%s:%d (HTTP/1.1, HTTP/2); the gateway's own endpoints on %s",
                tls == null ? "" : "(s)", host, port(), socket);
    }

    /**
     * No new connections; the requests in flight are given the shutdown timeout to finish before Vert.x' event
     * loops, which carry them, stop.
     */
    void close(@Observes ShutdownEvent stop) throws Exception {
        if (server != null) {
            server.close().sync();
        }
        long until = System.nanoTime() + ConfigProvider.getConfig()
                .getOptionalValue("quarkus.shutdown.timeout", Duration.class)
                .orElse(Duration.ofSeconds(20)).toNanos();
        while (edge.guards().inFlight() > 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        if (socket != null) {
            Files.deleteIfExists(socket);
        }
    }

    /** The port the edge listens on (a free one in tests). */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }
}
