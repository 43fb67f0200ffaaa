package nl.dossier.connectors;

import java.time.Duration;
import nl.dossier.domain.Registry;

/**
 * A registry call that did not give a usable answer. Carries no upstream body or message, so that
 * nothing a registry says can leak to a client.
 */
public final class UpstreamException extends RuntimeException {
  private final Registry registry;
  private final Reason reason;
  private final int status;
  private final Duration retryAfter;

  /** Why the call failed, as far as a client may know. */
  public enum Reason {
    /** The registry answered 5xx or could not be reached. */
    UNAVAILABLE,
    /** The registry did not answer in time. */
    TIMED_OUT,
    /** The registry answered 429. */
    RATE_LIMITED,
    /** The registry answered something that could not be parsed. */
    BAD_RESPONSE,
    /** The circuit breaker is open: the registry failed too often recently and is not called. */
    CIRCUIT_OPEN,
    /** The gateway already has as many calls under way to the registry as it allows. */
    BUSY,
    /** The registry refused the gateway's credentials (401/403). */
    REJECTED,
    /** The registry answered another 4xx. */
    CLIENT_ERROR
  }

  private UpstreamException(Registry registry, Reason reason, int status, Duration retryAfter) {
    super(
        registry + " " + reason + (status > 0 ? " (HTTP " + status + ")" : ""), null, false, false);
    this.registry = registry;
    this.reason = reason;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /** Classifies a non-success HTTP status; {@code retryAfter} from its header, or null. */
  public static UpstreamException ofStatus(Registry registry, int status, Duration retryAfter) {
    if (status == 429) {
      return new UpstreamException(registry, Reason.RATE_LIMITED, status, retryAfter);
    }
    if (status == 401 || status == 403) {
      return new UpstreamException(registry, Reason.REJECTED, status, null);
    }
    if (status >= 400 && status < 500) {
      return new UpstreamException(registry, Reason.CLIENT_ERROR, status, null);
    }
    return new UpstreamException(registry, Reason.UNAVAILABLE, status, retryAfter);
  }

  /** A body that did not have the expected shape. */
  public static UpstreamException badResponse(Registry registry) {
    return new UpstreamException(registry, Reason.BAD_RESPONSE, 0, null);
  }

  public static UpstreamException timedOut(Registry registry) {
    return new UpstreamException(registry, Reason.TIMED_OUT, 0, null);
  }

  /** The connection failed or was reset. */
  public static UpstreamException unreachable(Registry registry) {
    return new UpstreamException(registry, Reason.UNAVAILABLE, 0, null);
  }

  public static UpstreamException circuitOpen(Registry registry, Duration retryAfter) {
    return new UpstreamException(registry, Reason.CIRCUIT_OPEN, 0, retryAfter);
  }

  public static UpstreamException busy(Registry registry) {
    return new UpstreamException(registry, Reason.BUSY, 0, null);
  }

  public Registry registry() {
    return registry;
  }

  public Reason reason() {
    return reason;
  }

  public int status() {
    return status;
  }

  /** How long the registry asked to wait, or the breaker will stay open; null when unknown. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whether this says the registry is unhealthy (5xx, unreachable, slow, garbage); 4xx do not. */
  public boolean countsAsFailure() {
    return reason == Reason.UNAVAILABLE
        || reason == Reason.TIMED_OUT
        || reason == Reason.BAD_RESPONSE;
  }

  /** Whether an idempotent read may be tried again. */
  public boolean retryable() {
    return reason == Reason.UNAVAILABLE
        || reason == Reason.TIMED_OUT
        || reason == Reason.RATE_LIMITED;
  }
}
