package nl.dossier.gateway.policy;

import java.time.Instant;

/**
 * Under what a dossier is being read in one request. Travels down the GraphQL tree as the local
 * context, so that every guarded field is decided against the dossier it belongs to.
 */
public sealed interface Access {

  /** The owner reads their own dossier. */
  record OwnerAccess(String subject) implements Access {}

  /**
   * Someone reads a dossier under a grant: a party, a link holder, or the owner previewing.
   *
   * @param grant the grant as read at the start of the request
   * @param purpose the purpose the reader declared
   * @param at the moment the request is decided at
   */
  record GrantAccess(Grant grant, String purpose, Instant at) implements Access {}

  static Access owner(String subject) {
    return new OwnerAccess(subject);
  }
}
