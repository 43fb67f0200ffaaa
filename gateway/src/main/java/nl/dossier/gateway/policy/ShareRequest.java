package nl.dossier.gateway.policy;

import java.time.Instant;
import java.util.List;

/**
 * What an owner asks for when creating or changing a share; null parts of a change stay as they
 * were.
 *
 * @param party the party id, or null
 * @param link true for a share link
 * @param fields schema coordinates and/or group names
 * @param purpose the purpose
 * @param expiresAt the expiry
 */
public record ShareRequest(
    String party, boolean link, List<String> fields, String purpose, Instant expiresAt) {}
