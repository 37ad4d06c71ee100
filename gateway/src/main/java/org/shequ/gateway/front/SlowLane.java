package org.shequ.gateway.front;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A client connection handed to the full pipeline (Quarkus' HTTP server on its Unix socket), bytes untouched, for
 * the rest of its life: the gateway's own endpoints, writes, browsers' requests, anything unusual. The connection
 * opens with a PROXY protocol line, so the pipeline sees the client's own address (rate limits by address,
 * {@code X-Forwarded-For}). Each side's back-pressure holds the other's reading.
 */
final class SlowLane extends ChannelInboundHandlerAdapter {

    private final Channel client;
    private Channel pipeline;
    private ByteBuf waiting;

    private SlowLane(Channel client, ByteBuf buffered) {
        this.client = client;
        this.waiting = buffered;
    }

    /** Hands {@code client} over, with the bytes already read from it (released by the lane). */
    static SlowLane open(Channel client, ByteBuf buffered, FrontDoor door) {
        SlowLane lane = new SlowLane(client, buffered);
        client.config().setAutoRead(false);
        door.connectPipeline(client.eventLoop(), lane).addListener((ChannelFutureListener) connected -> {
            if (!connected.isSuccess()) {
                lane.release();
                client.close();
                return;
            }
            lane.pipeline = connected.channel();
            lane.pipeline.write(Unpooled.wrappedBuffer(proxyLine(client).getBytes(StandardCharsets.US_ASCII)));
            if (lane.waiting != null) {
                lane.pipeline.write(lane.waiting);
                lane.waiting = null;
            }
            lane.pipeline.flush();
            client.config().setAutoRead(true);
        });
        return lane;
    }

    /** Bytes the client sent after the hand-over. */
    void fromClient(ByteBuf bytes) {
        if (pipeline == null) {
            waiting = waiting == null ? bytes : Unpooled.wrappedBuffer(waiting, bytes);
            return;
        }
        pipeline.writeAndFlush(bytes);
        if (!pipeline.isWritable()) {
            client.config().setAutoRead(false);
        }
    }

    void clientClosed() {
        release();
        if (pipeline != null) {
            pipeline.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    void clientWritable(boolean writable) {
        if (pipeline != null) {
            pipeline.config().setAutoRead(writable);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        client.write(msg);
        if (!client.isWritable()) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        client.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        client.config().setAutoRead(ctx.channel().isWritable());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private void release() {
        if (waiting != null) {
            waiting.release();
            waiting = null;
        }
    }

    /** PROXY protocol v1 (haproxy.org/download/2.9/doc/proxy-protocol.txt). */
    private static String proxyLine(Channel client) {
        if (!(client.remoteAddress() instanceof InetSocketAddress from)
                || !(client.localAddress() instanceof InetSocketAddress to)) {
            return "PROXY UNKNOWN\r\n";
        }
        String family = from.getAddress() instanceof Inet6Address ? "TCP6" : "TCP4";
        return "PROXY " + family + " " + from.getAddress().getHostAddress() + " " + to.getAddress().getHostAddress()
                + " " + from.getPort() + " " + to.getPort() + "\r\n";
    }
}
