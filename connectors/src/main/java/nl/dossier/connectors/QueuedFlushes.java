package nl.dossier.connectors;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.concurrent.SingleThreadEventExecutor;

/**
 * Netty's {@link FlushConsolidationHandler} on a registry connection, while its event loop has
 * tasks waiting: a flush then waits until they have run, so that the calls they make on this
 * connection leave in one write with it. With nothing waiting, a flush goes out at once.
 *
 * <p>A registry's answer is handled in a task of the event loop, and it lets its request go on to
 * the next registries; Vert.x flushes each call it writes. Under load many answers wait to be
 * handled at once, and each call was a write to the socket of its own. Consolidating every flush
 * until the end of the event loop's turn saved as much CPU, but a call made while the loop read
 * other connections then waited for all of them too (BENCHMARKS.md, session 15).
 */
public final class QueuedFlushes extends FlushConsolidationHandler {
  public QueuedFlushes() {
    super(DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true);
  }

  @Override
  public void flush(ChannelHandlerContext ctx) throws Exception {
    if (ctx.executor() instanceof SingleThreadEventExecutor loop && loop.pendingTasks() == 0) {
      ctx.flush();
    } else {
      super.flush(ctx);
    }
  }
}
