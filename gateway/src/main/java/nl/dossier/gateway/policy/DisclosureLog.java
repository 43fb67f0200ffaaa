package nl.dossier.gateway.policy;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Collects, during one request by someone other than the owner, which coordinates were disclosed
 * under which grant; written as one log entry per grant before the response leaves the gateway.
 */
public final class DisclosureLog {
  private final String party;
  private final Map<String, Entry> byGrant = new LinkedHashMap<>();

  /**
   * @param party the reading party, or null for a link holder
   */
  public DisclosureLog(String party) {
    this.party = party;
  }

  /** A grant was opened for reading: logged even if nothing under it is disclosed. */
  public synchronized void open(Access.GrantAccess access) {
    entry(access);
  }

  public synchronized void record(Access.GrantAccess access, String coordinate) {
    entry(access).coordinates.add(coordinate);
  }

  /** The audience of a grant was refused: revoked, expired or another purpose. */
  public synchronized void refused(String owner, String grantId, String purpose) {
    byGrant.computeIfAbsent(grantId, id -> new Entry(owner, purpose)).denied = true;
  }

  /** Writes all entries in one append. */
  public Future<Void> write(GrantStore store, Instant at) {
    return store.append(entries(at));
  }

  synchronized List<Disclosure> entries(Instant at) {
    var entries = new ArrayList<Disclosure>();
    byGrant.forEach(
        (grantId, entry) ->
            entries.add(
                new Disclosure(
                    UUID.randomUUID().toString(),
                    entry.owner,
                    grantId,
                    party,
                    entry.purpose,
                    // immutable already, so Disclosure keeps it rather than copying it twice
                    Set.of(entry.coordinates.toArray(String[]::new)),
                    entry.denied,
                    at)));
    return entries;
  }

  /**
   * Called for every field disclosed: a get and a put, as computeIfAbsent's capturing lambda would
   * be allocated on every call.
   */
  private Entry entry(Access.GrantAccess access) {
    Entry entry = byGrant.get(access.grant().id());
    if (entry == null) {
      entry = new Entry(access.grant().owner(), access.purpose());
      byGrant.put(access.grant().id(), entry);
    }
    return entry;
  }

  /**
   * The purpose as declared, without surrounding space (purposes match without it) and cut to the
   * longest a grant's may be: a reader's text, however long, is logged and never fails the write.
   */
  private static String declared(String purpose) {
    String trimmed = purpose.trim();
    if (trimmed.length() <= SharingService.MAX_PURPOSE) {
      return trimmed;
    }
    int end = SharingService.MAX_PURPOSE - 1;
    if (Character.isHighSurrogate(trimmed.charAt(end - 1))) {
      end--; // not half a character
    }
    return trimmed.substring(0, end) + "…";
  }

  private static final class Entry {
    final String owner;
    final String purpose;
    final Set<String> coordinates = new HashSet<>();
    boolean denied;

    Entry(String owner, String purpose) {
      this.owner = owner;
      this.purpose = declared(purpose);
    }
  }
}
