package nl.dossier.gateway.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether the gateway takes on more work: the fields of the queries under way (fragments expanded,
 * lists counted once: a measure of the work and memory a query takes that, unlike the cost limit,
 * does not multiply by guessed list sizes) must stay within a budget. A request refused here costs
 * almost nothing, so that overload does not grow memory and latency without bound: the work under
 * way finishes and the next callers are served. Work of any size is taken on when nothing else is
 * under way, so that no allowed query is refused for ever.
 */
final class Admission {
  private final long maxFields;
  private final AtomicLong inFlight = new AtomicLong();

  Admission(long maxFields) {
    this.maxFields = maxFields;
  }

  /** Takes on work of this many fields, or returns false; {@link #done} gives them back. */
  boolean admit(long fields) {
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
