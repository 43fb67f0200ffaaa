package nl.dossier.gateway.graphql;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import nl.dossier.connectors.eduid.SubjectToken;
import nl.dossier.domain.Registry;
import nl.dossier.gateway.policy.GrantCache;
import org.dataloader.DataLoaderRegistry;

/**
 * What one request shares between its fields and nothing else does: the loaders of reference data
 * and grants, and one {@link Dossier} per owner, so that a query over several shares of the same
 * owner reads that owner's registries once. The policy is applied per field and per grant
 * afterwards.
 */
public final class RequestScope {
  private final Registries registries;
  private final RequestDeadline deadline;
  private final DataLoaderRegistry dataLoaders;
  private final Map<String, Dossier> dossiers = new HashMap<>();
  private final Set<Registry> failed = EnumSet.noneOf(Registry.class);

  public RequestScope(Registries registries, GrantCache grants, RequestDeadline deadline) {
    this.registries = registries;
    this.deadline = deadline;
    this.dataLoaders = DataLoaders.create(registries, grants, deadline);
  }

  public DataLoaderRegistry dataLoaders() {
    return dataLoaders;
  }

  public RequestDeadline deadline() {
    return deadline;
  }

  /** Whether this is the first failure of the registry in this request (to log it once). */
  synchronized boolean firstFailure(Registry registry) {
    return failed.add(registry);
  }

  /** How many owners' dossiers this request has read. */
  public synchronized int owners() {
    return dossiers.size();
  }

  /** The owner's dossier in this request; {@code token} is asked only when it is first needed. */
  synchronized Dossier dossier(String owner, Supplier<SubjectToken> token) {
    return dossiers.computeIfAbsent(owner, o -> new Dossier(registries, token.get(), deadline));
  }
}
