package nl.dossier.gateway.policy;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's only persistent state: grants, the disclosure log and the key that signs share
 * links. Never holds a registry value. Implementations may block only off the event loop.
 */
public interface GrantStore {
  Future<Void> save(Grant grant);

  /** The grants with these ids, by id; ids of no grant are absent. One read for all of them. */
  Future<Map<String, Grant>> findAll(Collection<String> ids);

  default Future<Optional<Grant>> find(String id) {
    return findAll(List.of(id)).map(found -> Optional.ofNullable(found.get(id)));
  }

  /** All grants of one owner, newest first. */
  Future<List<Grant>> byOwner(String owner);

  /** All grants to one party, newest first. */
  Future<List<Grant>> byParty(String party);

  /** Appends entries to the disclosure log, all or none. */
  Future<Void> append(List<Disclosure> disclosures);

  Future<List<Disclosure>> disclosures(DisclosureQuery query);

  /** The JWK (JSON, with its private part) that signs share links; created on first use. */
  Future<String> signingKey(java.util.function.Supplier<String> create);
}
