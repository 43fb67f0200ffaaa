package nl.dossier.gateway.auth;

/** Who is asking. Only the gateway's authentication creates callers. */
public sealed interface Caller {

  /**
   * The learner, signed in with eduID.
   *
   * @param subject the eduID pseudonym the gateway knows the learner by
   * @param accessToken the learner's access token, exchanged for registry-scoped tokens
   */
  record Owner(String subject, String accessToken) implements Caller {
    @Override
    public String toString() {
      return "Owner[" + subject + "]";
    }
  }

  /**
   * A configured party (a career coach, an employer's HR system) with its own client token.
   *
   * @param id the stable party id (the token's client id)
   */
  record Party(String id) implements Caller {}

  /**
   * Whoever holds a share link the gateway minted; acts under that one grant.
   *
   * @param grantId the grant the link belongs to
   */
  record LinkHolder(String grantId) implements Caller {}
}
