package nl.dossier.gateway.graphql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import nl.dossier.gateway.policy.Grant;

/** A grant as the schema's {@code Share} shows it to its owner. */
record ShareView(
    String id,
    String party,
    boolean link,
    List<String> fields,
    String purpose,
    OffsetDateTime createdAt,
    OffsetDateTime expiresAt,
    OffsetDateTime revokedAt,
    boolean active) {

  static ShareView of(Grant grant, Instant now) {
    return new ShareView(
        grant.id(),
        grant.party(),
        grant.isLink(),
        grant.fields().stream().sorted().toList(),
        grant.purpose(),
        utc(grant.createdAt()),
        utc(grant.expiresAt()),
        utc(grant.revokedAt()),
        grant.activeAt(now));
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
