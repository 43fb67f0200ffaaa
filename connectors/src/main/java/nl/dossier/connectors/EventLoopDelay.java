package nl.dossier.connectors;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;

/**
 * How far behind an event loop is with its work. A probe timer on each watched event loop notes
 * when it is due; how late it fired last, or how overdue it is now, is the delay. A registry call
 * timed on an event loop includes that delay: the gateway's own queueing when it is busy, not the
 * registry's slowness. {@link Resilience} does not judge a call slow while its event loop is
 * behind, so that a gateway at full load does not open the breakers of healthy registries.
 */
public final class EventLoopDelay {
  static final long PERIOD_MS = 50;

  private final ThreadLocal<Probe> probes = new ThreadLocal<>();

  /** Watches the current thread's event loop from now on; call it on that event loop. */
  public void watch(Vertx vertx) {
    var probe = new Probe(vertx);
    probes.set(probe);
    probe.arm();
  }

  /** How far behind the current thread's event loop is, in nanoseconds; 0 when not watched. */
  public long nanos() {
    Probe probe = probes.get();
    return probe == null ? 0 : probe.delay(System.nanoTime());
  }

  private static final class Probe {
    private final Vertx vertx;
    private long due;
    private long late;

    Probe(Vertx vertx) {
      this.vertx = vertx;
    }

    void arm() {
      due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PERIOD_MS);
      vertx.setTimer(
          PERIOD_MS,
          id -> {
            late = Math.max(0, System.nanoTime() - due);
            arm();
          });
    }

    long delay(long now) {
      return Math.max(late, now - due);
    }
  }
}
