package nl.dossier.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A connection with {@link QueuedFlushes} on a real event loop, as a registry connection is. */
class QueuedFlushesTest {
  final DefaultEventLoopGroup loop = new DefaultEventLoopGroup(1);
  Channel server;
  Channel connection;

  @BeforeEach
  void connect() throws Exception {
    var address = new LocalAddress(QueuedFlushesTest.class);
    server =
        new ServerBootstrap()
            .group(loop)
            .channel(LocalServerChannel.class)
            .childHandler(new ChannelInboundHandlerAdapter())
            .bind(address)
            .sync()
            .channel();
    connection =
        new Bootstrap()
            .group(loop)
            .channel(LocalChannel.class)
            .handler(new QueuedFlushes())
            .connect(address)
            .sync()
            .channel();
  }

  @AfterEach
  void close() throws Exception {
    connection.close().sync();
    server.close().sync();
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
  }

  @Test
  void aCallMadeWhileNothingWaitsLeavesAtOnce() throws Exception {
    // when a call is written and flushed on an event loop with no tasks waiting
    boolean left = loop.submit(this::writeACall).get(5, TimeUnit.SECONDS);
    // then it has left
    assertThat(left).isTrue();
  }

  @Test
  void aCallMadeWhileTasksWaitLeavesAfterThem() throws Exception {
    // when a call is written and flushed while another task waits on the event loop
    boolean[] leftBeforeTheTask = {true};
    boolean left =
        loop.submit(
                () -> {
                  loop.execute(() -> leftBeforeTheTask[0] = left());
                  return writeACall();
                })
            .get(5, TimeUnit.SECONDS);
    // then it waits for that task, and leaves after it
    assertThat(left).isFalse();
    loop.submit(() -> {}).get(5, TimeUnit.SECONDS);
    assertThat(leftBeforeTheTask[0]).isFalse();
    assertThat(loop.submit(this::left).get(5, TimeUnit.SECONDS)).isTrue();
  }

  /** Writes and flushes a few bytes; returns whether they have left. */
  private boolean writeACall() {
    connection.write(Unpooled.wrappedBuffer(new byte[] {1, 2, 3, 4}));
    connection.flush();
    return left();
  }

  /** Whether nothing written waits to leave. */
  private boolean left() {
    return connection.unsafe().outboundBuffer().totalPendingWriteBytes() == 0;
  }
}
