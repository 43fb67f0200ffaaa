package nl.dossier.gateway.http;

/** A request the gateway will not execute; the message is safe to show to the client. */
final class BadRequestException extends RuntimeException {
  private final int status;

  BadRequestException(String message) {
    this(400, message);
  }

  BadRequestException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
