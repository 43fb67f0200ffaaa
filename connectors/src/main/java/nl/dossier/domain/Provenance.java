package nl.dossier.domain;

import java.time.OffsetDateTime;

/** Where a record was read, from whom it is, when, and whether the registry vouches for it. */
public record Provenance(
    Registry source, String issuer, OffsetDateTime retrievedAt, boolean verified) {}
