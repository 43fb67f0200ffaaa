package nl.dossier.connectors;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.concurrent.SingleThreadEventExecutor;

/**
 * Netty's {@link FlushConsolidationHandler} on a registry connection, while its event loop has
 * {@link #BUSY} or more tasks waiting: a flush then waits until they have run, so that the calls
 * they make on this connection leave in one write with it. With fewer waiting, a flush goes out at
 * once.
 *
 * <p>Vert.x flushes each call it writes outside a read of that same connection, and most of a
 * request's calls are written in tasks of the event loop (holding flushes during reads of other
 * registry connections saved only one write in five), so under load each call was a write to the
 * socket of its own: five per request of the owner's dossier at c=256, two while any waiting task
 * held a flush, three with {@link #BUSY}. Consolidating every flush until the end of the event
 * loop's turn, as the plain handler does, saved more writes, but a call made while the loop read
 * other connections then waited for all of them too (BENCHMARKS.md, session 15).
 *
 * <p>Waiting for a few tasks bought little: at the owner's c=64 most flushes found 0-15 tasks
 * waiting, at c=256 most 16-63. Going out at once below {@link #BUSY} made the owner's c=64 step
 * faster at p50 (BENCHMARKS.md, session 16).
 */
public final class QueuedFlushes extends FlushConsolidationHandler {
  /** The tasks waiting on the event loop from which a flush waits for them. */
  static final int BUSY = 8;

  public QueuedFlushes() {
    super(DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true);
  }

  @Override
  public void flush(ChannelHandlerContext ctx) throws Exception {
    if (ctx.executor() instanceof SingleThreadEventExecutor loop && loop.pendingTasks() < BUSY) {
      ctx.flush();
    } else {
      super.flush(ctx);
    }
  }
}
