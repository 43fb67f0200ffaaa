package nl.dossier.connectors.eduid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The token a token exchange acts on (RFC 8693 {@code subject_token} and its type). One is made per
 * dossier read, and exchanged once per registry; its digest is computed once, when it is made.
 */
public final class SubjectToken {
  public static final String ACCESS_TOKEN = "urn:ietf:params:oauth:token-type:access_token";
  public static final String JWT = "urn:ietf:params:oauth:token-type:jwt";

  private final String token;
  private final String type;
  private final String digest;

  /**
   * @param token the token itself
   * @param type its RFC 8693 token type URI
   */
  private SubjectToken(String token, String type) {
    this.token = token;
    this.type = type;
    this.digest = sha256(token);
  }

  /** The signed-in person's own access token. */
  public static SubjectToken accessToken(String token) {
    return new SubjectToken(token, ACCESS_TOKEN);
  }

  /** An assertion the gateway signed itself (reading a dossier under a grant). */
  public static SubjectToken assertion(String jwt) {
    return new SubjectToken(jwt, JWT);
  }

  public String token() {
    return token;
  }

  public String type() {
    return type;
  }

  /** The SHA-256 of the token, in hex: what may be kept in place of the token itself. */
  public String digest() {
    return digest;
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "SubjectToken[" + type + "]";
  }
}
