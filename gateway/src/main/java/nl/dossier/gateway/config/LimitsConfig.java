package nl.dossier.gateway.config;

import java.time.Duration;

/**
 * Limits on what one request may ask, checked before anything is executed, and on how long it may
 * take.
 *
 * @param maxDepth the deepest field nesting
 * @param maxAliases the most aliased fields in a document
 * @param maxTokens the most parser tokens in a document
 * @param maxDirectives the most directives in a document
 * @param maxComplexity the highest cost: every field costs 1, and a list multiplies the cost of
 *     what is selected below it by its expected size
 * @param maxBatch the most operations in one batched request (a JSON array)
 * @param introspection whether {@code __schema} and {@code __type} may be asked
 * @param requestDeadline how long a request may take; registries that have not answered by then are
 *     reported as timed out and the rest is answered
 * @param maxFieldsInFlight the summed fields of all requests under way in this process: for each,
 *     how many its query's answers have had lately, and at least the query's own (fragments
 *     expanded, lists counted once); a request that does not fit waits
 * @param maxQueued the most requests waiting to be taken on; one more is refused at once (503,
 *     OVERLOADED)
 * @param maxQueueWait how long a request may wait to be taken on; then it is refused the same way
 * @param maxEventLoopDelay how far behind its event loop may be for a request to be taken on; a
 *     request that comes in while it is further behind waits as above
 */
public record LimitsConfig(
    int maxDepth,
    int maxAliases,
    int maxTokens,
    int maxDirectives,
    int maxComplexity,
    int maxBatch,
    boolean introspection,
    Duration requestDeadline,
    long maxFieldsInFlight,
    int maxQueued,
    Duration maxQueueWait,
    Duration maxEventLoopDelay) {
  public static final LimitsConfig DEFAULTS =
      new LimitsConfig(
          12,
          250,
          20_000,
          50,
          50_000,
          10,
          true,
          Duration.ofSeconds(5),
          100_000,
          1_000,
          Duration.ofSeconds(1),
          Duration.ofMillis(500));

  public LimitsConfig {
    positive("limits.maxDepth", maxDepth);
    positive("limits.maxAliases", maxAliases);
    positive("limits.maxTokens", maxTokens);
    positive("limits.maxDirectives", maxDirectives);
    positive("limits.maxComplexity", maxComplexity);
    positive("limits.maxBatch", maxBatch);
    positive("limits.requestDeadline", requestDeadline);
    positive("limits.maxEventLoopDelay", maxEventLoopDelay);
    positive("limits.maxFieldsInFlight", maxFieldsInFlight);
    positive("limits.maxQueued", maxQueued);
    positive("limits.maxQueueWait", maxQueueWait);
  }

  private static void positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, but was " + value);
    }
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, but was " + value);
    }
  }
}
