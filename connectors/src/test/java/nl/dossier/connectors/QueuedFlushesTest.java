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
  void aCallMadeWhileAFewTasksWaitLeavesAtOnce() throws Exception {
    // when a call is written and flushed while fewer tasks than BUSY wait on the event loop
    boolean left =
        loop.submit(() -> writeACallBehind(QueuedFlushes.BUSY - 1)).get(5, TimeUnit.SECONDS);
    // then it has left
    assertThat(left).isTrue();
  }

  @Test
  void aCallMadeWhileManyTasksWaitLeavesAfterThem() throws Exception {
    // when a call is written and flushed while BUSY tasks wait on the event loop, the first of
    // which notes whether it has left
    boolean[] leftBeforeTheTasks = {true};
    boolean left =
        loop.submit(
                () -> {
                  loop.execute(() -> leftBeforeTheTasks[0] = left());
                  return writeACallBehind(QueuedFlushes.BUSY - 1);
                })
            .get(5, TimeUnit.SECONDS);
    // then it waits for those tasks, and leaves after them
    assertThat(left).isFalse();
    loop.submit(() -> {}).get(5, TimeUnit.SECONDS);
    assertThat(leftBeforeTheTasks[0]).isFalse();
    assertThat(loop.submit(this::left).get(5, TimeUnit.SECONDS)).isTrue();
  }

  /** Writes and flushes a call with {@code waiting} tasks queued; returns whether it has left. */
  private boolean writeACallBehind(int waiting) {
    for (int i = 0; i < waiting; i++) {
      loop.execute(() -> {});
    }
    return writeACall();
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
