package org.shequ.gateway.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http.cors.CorsHandler;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.OptionalSslHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Sets up a client connection's pipeline for the protocol it speaks, every one ending in the same
 * {@link EdgeConnection} steps. Cleartext: HTTP/1.1, or HTTP/2 when the connection starts with its preface (prior
 * knowledge, as {@code curl --http2-prior-knowledge} and gRPC-style clients do). With a certificate the same port
 * also takes TLS, where ALPN picks HTTP/2 or HTTP/1.1. HTTP/1.1 reads one message at a time
 * ({@link FlowControlHandler}, auto-read off), so a client is read only as fast as its answers are taken.
 */
final class Protocols {

    private Protocols() {
    }

    static void configure(Channel channel, Edge edge, SslContext tls) {
        String address = address(channel);
        // A trusted proxy (the Ingress) carries every client's connections: the cap is for clients themselves.
        if (!edge.addresses().isTrustedProxy(address)) {
            if (!edge.slots().connect(address)) {
                channel.close(); // over the per-client connection cap: nothing is read, nothing held
                return;
            }
            channel.closeFuture().addListener(closed -> edge.slots().disconnect(address));
        }
        if (tls == null) {
            cleartext(channel.pipeline(), edge, address);
            return;
        }
        // Until the connection shows what it speaks, only the head deadline holds it.
        channel.eventLoop().schedule(() -> {
            if (channel.pipeline().get(EdgeConnection.class) == null
                    && channel.pipeline().get(Http2MultiplexHandler.class) == null) {
                channel.close();
            }
        }, edge.settings().headTimeout().toMillis(), TimeUnit.MILLISECONDS);
        channel.pipeline().addLast(new OptionalSslHandler(tls) {
            @Override
            protected io.netty.channel.ChannelHandler newNonSslHandler(ChannelHandlerContext context) {
                return new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        cleartext(ch.pipeline(), edge, address);
                    }
                };
            }

            @Override
            protected SslHandler newSslHandler(ChannelHandlerContext context, SslContext sslContext) {
                SslHandler handler = super.newSslHandler(context, sslContext);
                handler.setHandshakeTimeout(edge.settings().headTimeout().toMillis(), TimeUnit.MILLISECONDS);
                context.pipeline().addAfter(context.name(), null, new Alpn(edge, address));
                return handler;
            }
        });
        channel.read();
    }

    /** HTTP/1.1, upgraded in place to HTTP/2 when the client's first bytes are HTTP/2's preface. */
    private static void cleartext(ChannelPipeline pipeline, Edge edge, String address) {
        EdgeConnection connection = new EdgeConnection(edge, address, false);
        pipeline.addLast(connection.byteWatch());
        HttpServerCodec codec = new HttpServerCodec(StrictHttp.decoder());
        // No Upgrade: h2c is offered by prior knowledge only (RFC 9113 §3.3 deprecates the Upgrade route). A request
        // that offers it (the JDK's client does, body and all) is held whole, up to the body limit, and served as
        // HTTP/1.1.
        HttpServerUpgradeHandler noUpgrades = new HttpServerUpgradeHandler(codec, protocol -> null,
                (int) Math.min(Integer.MAX_VALUE, edge.maxBodyBytes()));
        pipeline.addLast(new CleartextHttp2ServerUpgradeHandler(codec, noUpgrades, http2(edge, address)));
        http1(pipeline, edge, connection);
    }

    /** The HTTP/1.1 steps after the codec. */
    private static void http1(ChannelPipeline pipeline, Edge edge, EdgeConnection connection) {
        pipeline.addLast(new FlowControlHandler());
        pipeline.addLast(new CorsHandler(edge.cors()));
        pipeline.addLast(new EdgeCompressor());
        pipeline.addLast(connection);
    }

    /** HTTP/2: each stream a channel of its own, converted to the same HTTP messages as HTTP/1.1 and the same steps. */
    static ChannelInitializer<Channel> http2(Edge edge, String address) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel connection) {
                connection.config().setAutoRead(true); // HTTP/2's own flow control paces each stream
                connection.pipeline().addLast(Http2FrameCodecBuilder.forServer()
                        .initialSettings(Http2Settings.defaultSettings()
                                .maxConcurrentStreams(edge.settings().maxConcurrentStreams())
                                .maxHeaderListSize(StrictHttp.MAX_HEADERS))
                        .validateHeaders(true)
                        .build());
                connection.pipeline().addLast(new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
                    @Override
                    protected void initChannel(Http2StreamChannel stream) {
                        stream.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true, true));
                        stream.pipeline().addLast(new CorsHandler(edge.cors()));
                        stream.pipeline().addLast(new EdgeCompressor());
                        stream.pipeline().addLast(new EdgeConnection(edge, address, true));
                    }
                }));
            }
        };
    }

    private static String address(Channel channel) {
        return channel.remoteAddress() instanceof InetSocketAddress remote && remote.getAddress() != null
                ? remote.getAddress().getHostAddress() : "unknown";
    }

    /** After a TLS handshake: the protocol ALPN agreed on, HTTP/1.1 for a client that offered none. */
    private static final class Alpn extends ApplicationProtocolNegotiationHandler {

        private final Edge edge;
        private final String address;

        Alpn(Edge edge, String address) {
            super(ApplicationProtocolNames.HTTP_1_1);
            this.edge = edge;
            this.address = address;
        }

        @Override
        protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
            if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                ctx.pipeline().addLast(http2(edge, address));
                return;
            }
            EdgeConnection connection = new EdgeConnection(edge, address, false);
            ctx.pipeline().addLast(connection.byteWatch());
            ctx.pipeline().addLast(new HttpServerCodec(StrictHttp.decoder()));
            http1(ctx.pipeline(), edge, connection);
        }
    }
}
