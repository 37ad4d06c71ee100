package org.shequ.gateway.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsServerAddressStreamProviders;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.shequ.gateway.proxy.UpstreamTarget;

/**
 * Kept-alive connections to the services, per event loop (a client's request goes out on a connection of the same
 * thread, so nothing is shared or locked) and per service address. Each speaks HTTP/1.1 through Netty's client
 * codec with the strict decoder ({@link StrictHttp}): an answer it cannot frame without doubt fails that connection.
 * Names are resolved without blocking the loop; {@code https} services get TLS with host-name verification.
 */
final class UpstreamPool {

    /** Idle connections kept per service and event loop; more are closed when they fall idle. */
    static final int MAX_IDLE = 64;
    static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private final FastThreadLocal<Map<UpstreamTarget, ArrayDeque<Channel>>> idle = new FastThreadLocal<>() {
        @Override
        protected Map<UpstreamTarget, ArrayDeque<Channel>> initialValue() {
            return new HashMap<>();
        }
    };
    private final Bootstrap tcp;
    private final Bootstrap unix;
    private final SslContext tls;

    UpstreamPool(SslContext tls) {
        this.tls = tls;
        this.tcp = new Bootstrap()
                .channel(EpollSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .resolver(new DnsAddressResolverGroup(EpollDatagramChannel.class,
                        DnsServerAddressStreamProviders.platformDefault()));
        this.unix = new Bootstrap()
                .channel(EpollDomainSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS);
    }

    /** An open idle connection of the calling event loop to the target, or {@code null}. */
    Channel poll(UpstreamTarget target) {
        ArrayDeque<Channel> channels = idle.get().get(target);
        while (channels != null && !channels.isEmpty()) {
            Channel channel = channels.pollLast();
            if (channel.isActive()) {
                return channel;
            }
        }
        return null;
    }

    ChannelFuture connect(EventLoop loop, UpstreamTarget target) {
        ChannelInitializer<Channel> pipeline = new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel channel) {
                if (target.tls()) {
                    channel.pipeline().addLast(tls.newHandler(channel.alloc(), target.host(), target.port()));
                }
                channel.pipeline().addLast(new HttpClientCodec(StrictHttp.decoder(), false, true));
                channel.pipeline().addLast(new UpstreamHandler());
            }
        };
        if (target.socket() != null) {
            return unix.clone(loop).handler(pipeline).connect(new DomainSocketAddress(target.socket()));
        }
        return tcp.clone(loop).handler(pipeline).connect(target.host(), target.port());
    }

    /** Keeps a connection whose exchange is over, on the loop it belongs to. */
    void offer(UpstreamTarget target, Channel channel) {
        ArrayDeque<Channel> channels = idle.get().computeIfAbsent(target, t -> new ArrayDeque<>());
        if (channels.size() >= MAX_IDLE || !channel.isActive()) {
            channel.close();
            return;
        }
        channels.addLast(channel);
    }
}
