package nl.dossier.connectors;

import nl.dossier.domain.Registry;

/**
 * A registry call that did not give a usable answer. Carries no upstream body or message, so that
 * nothing a registry says can leak to a client.
 */
public final class UpstreamException extends RuntimeException {
  private final Registry registry;
  private final Reason reason;
  private final int status;

  /** Why the call failed, as far as a client may know. */
  public enum Reason {
    /** The registry answered 5xx or could not be reached. */
    UNAVAILABLE,
    /** The registry answered something that could not be parsed. */
    BAD_RESPONSE,
    /** The registry refused the gateway's credentials (401/403). */
    REJECTED,
    /** The registry answered another 4xx. */
    CLIENT_ERROR
  }

  private UpstreamException(Registry registry, Reason reason, int status) {
    super(
        registry + " " + reason + (status > 0 ? " (HTTP " + status + ")" : ""), null, false, false);
    this.registry = registry;
    this.reason = reason;
    this.status = status;
  }

  /** Classifies a non-success HTTP status. */
  public static UpstreamException ofStatus(Registry registry, int status) {
    if (status == 401 || status == 403) {
      return new UpstreamException(registry, Reason.REJECTED, status);
    }
    if (status >= 400 && status < 500) {
      return new UpstreamException(registry, Reason.CLIENT_ERROR, status);
    }
    return new UpstreamException(registry, Reason.UNAVAILABLE, status);
  }

  /** A body that did not have the expected shape. */
  public static UpstreamException badResponse(Registry registry) {
    return new UpstreamException(registry, Reason.BAD_RESPONSE, 0);
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
}
