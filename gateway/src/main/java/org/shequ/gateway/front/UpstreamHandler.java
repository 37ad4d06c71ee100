package org.shequ.gateway.front;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** The front door's end of a connection to a service: hands what arrives to the exchange using it, if any. */
final class UpstreamHandler extends ChannelInboundHandlerAdapter {

    Exchange exchange;

    static UpstreamHandler of(Channel channel) {
        return channel.pipeline().get(UpstreamHandler.class);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (exchange != null) {
            exchange.fromUpstream((ByteBuf) msg);
        } else {
            ((ByteBuf) msg).release(); // an idle connection has nothing to say; it is closed below if it says more
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Exchange current = exchange;
        exchange = null;
        if (current != null) {
            current.upstreamClosed();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
