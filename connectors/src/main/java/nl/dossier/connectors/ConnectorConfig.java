package nl.dossier.connectors;

import java.time.Duration;
import java.util.Objects;

/**
 * Where a registry lives and how the gateway talks to it.
 *
 * @param baseUrl the registry's base URL, without a trailing slash
 * @param apiKey the key for registries that want one (RIO, SBB), or null
 * @param timeout the limit on one attempt of one call
 * @param maxConcurrentCalls the bulkhead: calls under way at once; more fail at once as BUSY. Each
 *     event loop's connection pool may open as many, so that no call waits for a connection: a call
 *     that timed out in that queue would count against the registry for the gateway's own
 *     congestion
 * @param maxResponseBytes the largest answer read from the registry; a larger one is a bad
 *     response, so that a broken registry cannot fill the gateway's memory
 * @param http2 whether to call the registry over HTTP/2, so that many calls share a few
 *     connections: over TLS it is negotiated (ALPN), and a registry that does not speak it is
 *     called over HTTP/1.1; over plain HTTP the registry must speak it (h2c with prior knowledge)
 * @param retry retries of idempotent reads
 * @param breaker the circuit breaker
 * @param cache the cache of public reference data (RIO, SBB catalogue only)
 */
public record ConnectorConfig(
    String baseUrl,
    String apiKey,
    Duration timeout,
    int maxConcurrentCalls,
    int maxResponseBytes,
    boolean http2,
    RetryConfig retry,
    BreakerConfig breaker,
    CacheConfig cache) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  public static final int DEFAULT_MAX_CONCURRENT_CALLS = 512;
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

  public ConnectorConfig {
    Objects.requireNonNull(baseUrl, "baseUrl is required");
    if (baseUrl.endsWith("/")) {
      baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    positive("timeout", timeout);
    if (maxConcurrentCalls <= 0) {
      throw new IllegalArgumentException(
          "maxConcurrentCalls must be positive, but was " + maxConcurrentCalls);
    }
    if (maxResponseBytes <= 0) {
      throw new IllegalArgumentException(
          "maxResponseBytes must be positive, but was " + maxResponseBytes);
    }
    retry = retry == null ? RetryConfig.DEFAULTS : retry;
    breaker = breaker == null ? BreakerConfig.DEFAULTS : breaker;
    cache = cache == null ? CacheConfig.DEFAULTS : cache;
  }

  static void positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, but was " + value);
    }
  }

  /**
   * Retries of idempotent reads (GET) on 5xx, resets, timeouts and 429, with exponential backoff
   * and jitter; a {@code Retry-After} up to {@code maxRetryAfter} is waited out instead.
   *
   * @param maxAttempts attempts in all, the first included (1: no retries)
   * @param initialBackoff the wait before the first retry
   * @param multiplier how the wait grows per retry
   * @param jitter the randomization factor (0: none, 0.5: plus or minus half)
   * @param maxRetryAfter the longest {@code Retry-After} waited out; a longer one fails at once
   */
  public record RetryConfig(
      int maxAttempts,
      Duration initialBackoff,
      double multiplier,
      double jitter,
      Duration maxRetryAfter) {
    public static final RetryConfig DEFAULTS =
        new RetryConfig(3, Duration.ofMillis(50), 2.0, 0.5, Duration.ofSeconds(1));

    public RetryConfig {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException(
            "retry.maxAttempts must be at least 1, but was " + maxAttempts);
      }
      positive("retry.initialBackoff", initialBackoff);
      if (multiplier < 1) {
        throw new IllegalArgumentException(
            "retry.multiplier must be at least 1, but was " + multiplier);
      }
      if (jitter < 0 || jitter >= 1) {
        throw new IllegalArgumentException("retry.jitter must be in [0, 1), but was " + jitter);
      }
      positive("retry.maxRetryAfter", maxRetryAfter);
    }
  }

  /**
   * The circuit breaker: opens when, over the last {@code slidingWindowSize} calls (and at least
   * {@code minimumNumberOfCalls}), the failure rate or the slow-call rate reaches its threshold;
   * stays open for {@code waitInOpenState}, then lets {@code permittedCallsInHalfOpenState} probes
   * through.
   */
  public record BreakerConfig(
      float failureRateThreshold,
      float slowCallRateThreshold,
      Duration slowCallDuration,
      int slidingWindowSize,
      int minimumNumberOfCalls,
      Duration waitInOpenState,
      int permittedCallsInHalfOpenState) {
    public static final BreakerConfig DEFAULTS =
        new BreakerConfig(50, 80, Duration.ofSeconds(1), 20, 10, Duration.ofSeconds(10), 2);

    public BreakerConfig {
      percentage("breaker.failureRateThreshold", failureRateThreshold);
      percentage("breaker.slowCallRateThreshold", slowCallRateThreshold);
      positive("breaker.slowCallDuration", slowCallDuration);
      positive("breaker.waitInOpenState", waitInOpenState);
      if (slidingWindowSize < 1 || minimumNumberOfCalls < 1 || permittedCallsInHalfOpenState < 1) {
        throw new IllegalArgumentException(
            "breaker.slidingWindowSize, minimumNumberOfCalls and permittedCallsInHalfOpenState must be positive");
      }
    }

    private static void percentage(String name, float value) {
      if (value <= 0 || value > 100) {
        throw new IllegalArgumentException(name + " must be in (0, 100], but was " + value);
      }
    }
  }

  /**
   * The cache of public reference data. Entries are refreshed in the background after {@code
   * refreshAfter}; while a refresh fails the old value is served, until {@code ttl}.
   *
   * @param ttl how long an entry may be served at most
   * @param refreshAfter when an entry is refreshed
   * @param maxSize the most entries kept; 0 turns the cache off
   */
  public record CacheConfig(Duration ttl, Duration refreshAfter, long maxSize) {
    public static final CacheConfig DEFAULTS =
        new CacheConfig(Duration.ofHours(24), Duration.ofMinutes(10), 10_000);

    public CacheConfig {
      positive("cache.ttl", ttl);
      positive("cache.refreshAfter", refreshAfter);
      if (refreshAfter.compareTo(ttl) >= 0) {
        throw new IllegalArgumentException("cache.refreshAfter must be shorter than cache.ttl");
      }
      if (maxSize < 0) {
        throw new IllegalArgumentException(
            "cache.maxSize must not be negative, but was " + maxSize);
      }
    }

    public boolean enabled() {
      return maxSize > 0;
    }
  }
}
