package nl.dossier.gateway.http;

/** A request the gateway will not execute; the message is safe to show to the client. */
final class BadRequestException extends RuntimeException {
  private final int status;
  private final String code;

  BadRequestException(String message) {
    this(400, message);
  }

  BadRequestException(int status, String message) {
    this(status, "BAD_REQUEST", message);
  }

  BadRequestException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }
}
