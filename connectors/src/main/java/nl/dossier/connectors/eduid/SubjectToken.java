package nl.dossier.connectors.eduid;

/**
 * The token a token exchange acts on (RFC 8693 {@code subject_token} and its type).
 *
 * @param token the token itself
 * @param type its RFC 8693 token type URI
 */
public record SubjectToken(String token, String type) {
  public static final String ACCESS_TOKEN = "urn:ietf:params:oauth:token-type:access_token";
  public static final String JWT = "urn:ietf:params:oauth:token-type:jwt";

  /** The signed-in person's own access token. */
  public static SubjectToken accessToken(String token) {
    return new SubjectToken(token, ACCESS_TOKEN);
  }

  /** An assertion the gateway signed itself (reading a dossier under a grant). */
  public static SubjectToken assertion(String jwt) {
    return new SubjectToken(jwt, JWT);
  }

  @Override
  public String toString() {
    return "SubjectToken[" + type + "]";
  }
}
