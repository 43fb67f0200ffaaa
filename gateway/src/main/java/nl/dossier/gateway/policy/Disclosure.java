package nl.dossier.gateway.policy;

import java.time.Instant;
import java.util.Set;

/**
 * One entry of the disclosure log: what someone other than the owner was shown. Field names only,
 * never values.
 *
 * @param id the entry's id
 * @param owner whose data it was
 * @param grantId the grant it was shown under
 * @param party the party, or null when a share-link holder read it
 * @param purpose the purpose declared
 * @param coordinates the schema coordinates disclosed
 * @param denied true when the grant's audience was refused (revoked, expired, another purpose)
 * @param at when
 */
public record Disclosure(
    String id,
    String owner,
    String grantId,
    String party,
    String purpose,
    Set<String> coordinates,
    boolean denied,
    Instant at) {

  public Disclosure {
    coordinates = Set.copyOf(coordinates);
  }
}
