package nl.dossier.connectors.eduid;

import io.vertx.core.Future;

/**
 * OAuth 2.0 Token Exchange (RFC 8693) at the eduID authorization server: turns the caller's token
 * into an access token scoped to one registry.
 */
public interface TokenExchange {
  /**
   * An access token for {@code audience} (myconext, duo, edubadges, sbb) on behalf of the subject.
   */
  Future<String> exchange(SubjectToken subject, String audience);
}
