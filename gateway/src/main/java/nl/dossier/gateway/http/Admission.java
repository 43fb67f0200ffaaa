package nl.dossier.gateway.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Whether the gateway takes on more work: the fields of the queries under way (fragments expanded,
 * lists counted once: a measure of the work and memory a query takes that, unlike the cost limit,
 * does not multiply by guessed list sizes) must stay within a budget. A request refused here costs
 * almost nothing, so that overload does not grow memory and latency without bound: the work under
 * way finishes and the next callers are served. Nor is work taken on while the event loop is
 * further behind than allowed: fields measure memory better than CPU, and a few CPU-heavy queries
 * fit the field budget and still keep the event loop busy for seconds. Work of any size is taken on
 * when nothing else is under way, so that no allowed query is refused for ever.
 */
final class Admission {
  private final long maxFields;
  private final LongSupplier delayNanos;
  private final long maxDelayNanos;
  private final AtomicLong inFlight = new AtomicLong();

  /**
   * @param delayNanos how far behind the current thread's event loop is
   */
  Admission(long maxFields, LongSupplier delayNanos, Duration maxDelay) {
    this.maxFields = maxFields;
    this.delayNanos = delayNanos;
    this.maxDelayNanos = maxDelay.toNanos();
  }

  /** Takes on work of this many fields, or returns false; {@link #done} gives them back. */
  boolean admit(long fields) {
    if (inFlight.get() > 0 && delayNanos.getAsLong() > maxDelayNanos) {
      return false;
    }
    long now = inFlight.addAndGet(fields);
    if (now > maxFields && now != fields) {
      inFlight.addAndGet(-fields);
      return false;
    }
    return true;
  }

  void done(long fields) {
    inFlight.addAndGet(-fields);
  }
}
