package nl.dossier.connectors;

import com.github.benmanes.caffeine.cache.Caffeine;

/** How the caches read on event loops are built. */
public final class Caches {
  private Caches() {}

  /**
   * A Caffeine builder whose upkeep (draining its read and write buffers, evicting, expiring) runs
   * on the thread that reads or writes, a batch at a time, instead of on the common fork-join pool.
   * Handing it to the pool woke a pool thread many times a second: 0.8 % of the event loops' time
   * for the owner's dossier (BENCHMARKS.md, session 10). The upkeep holds the cache's lock for as
   * long as one batch takes; nothing in it waits for anything else.
   */
  public static Caffeine<Object, Object> builder() {
    return Caffeine.newBuilder().executor(Runnable::run);
  }
}
