package dev.engram.app.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import reactor.netty.NettyPipeline;

/**
 * Works around reactor/reactor-netty#4361 (fixed in Reactor Netty after 1.3.8, the newest this build can get): a
 * keep-alive request that arrives before the previous request's operations have terminated is queued; when that
 * queued request is answered at once (a 401, 403, 404 or a cached context needs no store), Reactor Netty drains the
 * queue without asking the channel for another read, and the connection's next request is never read — the client
 * waits until its own timeout. CI saw that as a 30 s timeout on the request after a 403.
 *
 * <p>This handler sits after Reactor Netty's {@code HttpTrafficHandler} and sees the same "operations terminated"
 * event that makes it resume reading; it asks the channel for a read in a task queued after the drain Reactor Netty
 * schedules, so that whatever the drain did, the channel reads again. A read asked for while one is already pending,
 * or while a request is being answered, is harmless: the traffic handler queues what arrives (and refuses to read past
 * its own queue limit), as it does for pipelined requests. Remove it with the Reactor Netty upgrade; KeepAliveIT
 * shows the hang without it.
 */
@ChannelHandler.Sharable
final class KeepAliveReadRearm extends ChannelInboundHandlerAdapter {
    static final KeepAliveReadRearm INSTANCE = new KeepAliveReadRearm();
    private static final String NAME = "engram.keepAliveReadRearm";
    /** Reactor Netty's event (a package-private class) that its traffic handler resumes reading on. */
    private static final String TERMINATED_EVENT = "reactor.netty.http.server.HttpServerOperationsTerminatedEvent";

    private KeepAliveReadRearm() {
    }

    /** Adds the handler to an HTTP/1.1 server channel (one without Reactor Netty's traffic handler is left alone). */
    static void install(Channel channel) {
        if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null && channel.pipeline().get(NAME) == null) {
            channel.pipeline().addAfter(NettyPipeline.HttpTrafficHandler, NAME, INSTANCE);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt.getClass().getName().equals(TERMINATED_EVENT)) {
            Channel channel = ctx.channel();
            ctx.executor().execute(() -> {
                if (channel.isActive()) {
                    channel.read();
                }
            });
        }
        ctx.fireUserEventTriggered(evt);
    }
}
