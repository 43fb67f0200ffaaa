package nl.dossier.gateway.http;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Whether the gateway takes on more work: the summed query cost under way must stay within a
 * budget, and the heap must not be full of work under way. A request refused here costs almost
 * nothing, so overload cannot grow memory and latency without bound: the work under way finishes,
 * and its callers, and the next ones, are served.
 */
final class Admission {
  /** After a collection, an old generation fuller than this means the heap is full of work. */
  private static final double OLD_GENERATION_FULL = 0.8;

  private final long maxCost;
  private final BooleanSupplier memoryFull;
  private final AtomicLong inFlight = new AtomicLong();

  Admission(long maxCost, BooleanSupplier memoryFull) {
    this.maxCost = maxCost;
    this.memoryFull = memoryFull;
  }

  /** With the heap watched as {@link #oldGenerationFull()} says. */
  static Admission of(long maxCost) {
    return new Admission(maxCost, oldGenerationFull());
  }

  /** Takes on work of this cost, or returns false; {@link #done} gives the cost back. */
  boolean admit(long cost) {
    if (memoryFull.getAsBoolean()) {
      return false;
    }
    if (inFlight.addAndGet(cost) > maxCost) {
      inFlight.addAndGet(-cost);
      return false;
    }
    return true;
  }

  void done(long cost) {
    inFlight.addAndGet(-cost);
  }

  /**
   * Whether the old generation was still more than 80 % full after the last collection (the JVM
   * keeps that flag per memory pool); never, where the collector has no such pool.
   */
  static BooleanSupplier oldGenerationFull() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      String name = pool.getName();
      if (pool.getType() == MemoryType.HEAP
          && pool.isCollectionUsageThresholdSupported()
          && (name.contains("Old") || name.contains("Tenured"))
          && pool.getUsage().getMax() > 0) {
        pool.setCollectionUsageThreshold((long) (pool.getUsage().getMax() * OLD_GENERATION_FULL));
        return pool::isCollectionUsageThresholdExceeded;
      }
    }
    return () -> false;
  }
}
