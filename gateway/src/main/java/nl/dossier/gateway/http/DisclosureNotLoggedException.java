package nl.dossier.gateway.http;

/** A response to a non-owner whose disclosure log entry could not be written. */
final class DisclosureNotLoggedException extends RuntimeException {
  DisclosureNotLoggedException(Throwable cause) {
    super("disclosure log not written", cause, false, false);
  }
}
