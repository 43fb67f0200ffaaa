package nl.dossier.gateway.policy;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's only persistent state: grants, the disclosure log and the key that signs share
 * links. Never holds a registry value. Implementations may block only off the event loop.
 */
public interface GrantStore {
  Future<Void> save(Grant grant);

  Future<Optional<Grant>> find(String id);

  /** All grants of one owner, newest first. */
  Future<List<Grant>> byOwner(String owner);

  /** All grants to one party, newest first. */
  Future<List<Grant>> byParty(String party);

  Future<Void> append(Disclosure disclosure);

  Future<List<Disclosure>> disclosures(DisclosureQuery query);

  /** The JWK (JSON, with its private part) that signs share links; created on first use. */
  Future<String> signingKey(java.util.function.Supplier<String> create);
}
