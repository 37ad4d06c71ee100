package org.shequ.gateway.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;

/** The edge's end of a connection to a service: hands what its codec decodes to the exchange using it, if any. */
final class UpstreamHandler extends ChannelInboundHandlerAdapter {

    Forward forward;

    static UpstreamHandler of(Channel channel) {
        return channel.pipeline().get(UpstreamHandler.class);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (forward != null && msg instanceof HttpObject answer) {
            forward.fromUpstream(answer);
        } else {
            ReferenceCountUtil.release(msg); // an idle connection has nothing to say: one that does is dropped
            ctx.close();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (forward != null) {
            forward.upstreamReadComplete();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Forward current = forward;
        forward = null;
        if (current != null) {
            current.upstreamClosed();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
