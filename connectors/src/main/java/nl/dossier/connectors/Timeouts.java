package nl.dossier.connectors;

import io.netty.channel.EventLoop;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Timeouts that all have one length, such as the calls to one registry. Such timeouts end in the
 * order they started, so on each event loop they wait in a queue in that order, and one task,
 * scheduled for the first of them still running, serves the whole queue; a timeout stopped in time
 * leaves the queue once those before it have. A Vert.x timer per timeout costs an insert into the
 * event loop's ordered queue of scheduled tasks, a removal that reorders it, and two maps: with
 * four registry calls and a request deadline per owner's request, 2.9 % of the event loops' samples
 * at c=256 (BENCHMARKS.md, session 16). Off an event loop (in a worker, say) a timeout is a Vert.x
 * timer. The event loop of a context is found through Vert.x's {@code ContextInternal}, which is
 * not public API (checked against Vert.x 5.0.10).
 */
public final class Timeouts {
  private final Vertx vertx;
  private final long nanos;
  private final ThreadLocal<Line> lines = new ThreadLocal<>();

  public Timeouts(Vertx vertx, Duration length) {
    this.vertx = vertx;
    this.nanos = length.toNanos();
  }

  /** A timeout under way. */
  public interface Timeout {
    /** Stops the timeout: unless it has already ended, its action will not run. */
    void stop();
  }

  /**
   * Starts a timeout on the current context: {@code action} runs on that context once the length
   * has passed, unless the timeout is stopped first.
   */
  public Timeout start(Runnable action) {
    ContextInternal context = (ContextInternal) Vertx.currentContext();
    if (context == null
        || !context.isEventLoopContext()
        || !context.nettyEventLoop().inEventLoop()) {
      long timer = vertx.setTimer(TimeUnit.NANOSECONDS.toMillis(nanos), id -> action.run());
      return () -> vertx.cancelTimer(timer);
    }
    Line line = lines.get();
    if (line == null) {
      line = new Line(context.nettyEventLoop());
      lines.set(line);
    }
    var timeout = new Queued(line, System.nanoTime() + nanos, context, action);
    line.add(timeout);
    return timeout;
  }

  /** How many timeouts wait in the current event loop's queue, stopped ones not yet dropped too. */
  int waiting() {
    Line line = lines.get();
    return line == null ? 0 : line.waiting.size();
  }

  /** A timeout in its event loop's queue. */
  private static final class Queued implements Timeout {
    private final Line line;
    private final long deadline;
    private Context context;
    private Runnable action;

    Queued(Line line, long deadline, Context context, Runnable action) {
      this.line = line;
      this.deadline = deadline;
      this.context = context;
      this.action = action;
    }

    boolean ended() {
      return action == null;
    }

    @Override
    public void stop() {
      if (!line.loop.inEventLoop()) {
        line.loop.execute(this::stop);
      } else if (action != null) {
        action = null;
        context = null;
        line.dropEnded();
      }
    }

    /** Ends the timeout: its action runs on its context, in a task of its own. */
    void expire() {
      Runnable expired = action;
      action = null;
      context.runOnContext(ignored -> expired.run());
      context = null;
    }
  }

  /**
   * One event loop's timeouts, in the order they started (and so of their deadlines), and whether a
   * task is scheduled for the first one. Used on that event loop only.
   */
  private static final class Line implements Runnable {
    private final EventLoop loop;
    private final ArrayDeque<Queued> waiting = new ArrayDeque<>();
    private boolean scheduled;

    Line(EventLoop loop) {
      this.loop = loop;
    }

    void add(Queued timeout) {
      waiting.add(timeout);
      if (!scheduled) {
        schedule(timeout.deadline - System.nanoTime());
      }
    }

    void dropEnded() {
      while (!waiting.isEmpty() && waiting.peek().ended()) {
        waiting.poll();
      }
    }

    /** The scheduled task: ends the timeouts that are due, and waits for the next. */
    @Override
    public void run() {
      scheduled = false;
      long now = System.nanoTime();
      dropEnded();
      while (!waiting.isEmpty() && waiting.peek().deadline - now <= 0) {
        waiting.poll().expire();
        dropEnded();
      }
      if (!waiting.isEmpty()) {
        schedule(waiting.peek().deadline - now);
      }
    }

    private void schedule(long delay) {
      scheduled = true;
      loop.schedule(this, Math.max(0, delay), TimeUnit.NANOSECONDS);
    }
  }
}
