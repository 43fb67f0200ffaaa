package nl.dossier.gateway.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An owner's decision to share some fields of their dossier with one audience, for one purpose,
 * until a moment. Holds schema coordinates, never registry values.
 *
 * @param id the grant id (also the {@code jti} of a share link)
 * @param owner the owner's subject
 * @param party the party id of the audience, or null for a share link
 * @param fields the schema coordinates granted, groups already expanded
 * @param purpose what the audience may use the data for; it must declare the same purpose
 * @param createdAt when the owner created it
 * @param expiresAt when it stops working
 * @param revokedAt when the owner revoked it, or null
 */
public record Grant(
    String id,
    String owner,
    String party,
    Set<String> fields,
    String purpose,
    Instant createdAt,
    Instant expiresAt,
    Instant revokedAt) {

  public Grant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(expiresAt, "expiresAt");
    fields = Set.copyOf(fields);
  }

  public boolean isLink() {
    return party == null;
  }

  /** Neither revoked nor expired at {@code now}. */
  public boolean activeAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  public Grant revoked(Instant at) {
    return new Grant(id, owner, party, fields, purpose, createdAt, expiresAt, at);
  }

  public Grant changed(Set<String> newFields, String newPurpose, Instant newExpiry) {
    return new Grant(id, owner, party, newFields, newPurpose, createdAt, newExpiry, revokedAt);
  }
}
