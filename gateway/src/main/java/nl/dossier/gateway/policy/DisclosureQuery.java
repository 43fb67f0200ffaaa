package nl.dossier.gateway.policy;

import java.time.Instant;

/**
 * A page of one owner's disclosure log, newest first, optionally narrowed.
 *
 * @param owner whose log
 * @param grantId only this share, or null
 * @param party only this party, or null
 * @param from only at or after, or null
 * @param to only before, or null
 * @param limit the page size
 * @param offset how many matching entries to skip
 */
public record DisclosureQuery(
    String owner, String grantId, String party, Instant from, Instant to, int limit, int offset) {}
