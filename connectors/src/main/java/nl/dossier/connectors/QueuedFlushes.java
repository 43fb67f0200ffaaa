package nl.dossier.connectors;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.concurrent.SingleThreadEventExecutor;

/**
 * Netty's {@link FlushConsolidationHandler} on a registry connection, while its event loop has
 * tasks waiting: a flush then waits until they have run, so that the calls they make on this
 * connection leave in one write with it. With nothing waiting, a flush goes out at once.
 *
 * <p>Vert.x flushes each call it writes outside a read of that same connection, and most of a
 * request's calls are written in tasks of the event loop (holding flushes during reads of other
 * registry connections saved only one write in five), so under load each call was a write to the
 * socket of its own: five per request of the owner's dossier, two with this. Consolidating every
 * flush until the end of the event loop's turn, as the plain handler does, saved more writes, but a
 * call made while the loop read other connections then waited for all of them too (BENCHMARKS.md,
 * session 15).
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
