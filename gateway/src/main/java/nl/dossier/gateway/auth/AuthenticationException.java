package nl.dossier.gateway.auth;

/** A request whose credentials were missing or not acceptable. The message is safe to show. */
public final class AuthenticationException extends RuntimeException {
  public AuthenticationException(String message) {
    super(message, null, false, false);
  }
}
