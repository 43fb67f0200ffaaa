package nl.dossier.gateway.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether the gateway takes on more work: the summed query cost under way must stay within a
 * budget. A request refused here costs almost nothing, so that overload does not grow memory and
 * latency without bound: the work under way finishes and the next callers are served.
 */
final class Admission {
  private final long maxCost;
  private final AtomicLong inFlight = new AtomicLong();

  Admission(long maxCost) {
    this.maxCost = maxCost;
  }

  /** Takes on work of this cost, or returns false; {@link #done} gives the cost back. */
  boolean admit(long cost) {
    if (inFlight.addAndGet(cost) > maxCost) {
      inFlight.addAndGet(-cost);
      return false;
    }
    return true;
  }

  void done(long cost) {
    inFlight.addAndGet(-cost);
  }
}
