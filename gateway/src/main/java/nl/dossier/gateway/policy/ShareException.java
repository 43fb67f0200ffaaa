package nl.dossier.gateway.policy;

/** A share request the owner must correct; the message is safe to show and says what is wrong. */
public final class ShareException extends RuntimeException {
  private final String code;

  private ShareException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public static ShareException invalid(String message) {
    return new ShareException("INVALID_SHARE", message);
  }

  public static ShareException notFound() {
    return new ShareException("NOT_FOUND", "No such share");
  }

  public String code() {
    return code;
  }
}
