package nl.dossier.connectors.rio;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Optional;
import nl.dossier.connectors.ConnectorConfig;
import nl.dossier.connectors.ReferenceCache;
import nl.dossier.domain.Institution;
import nl.dossier.domain.Programme;
import nl.dossier.domain.Qualification;

/** RIO behind a cache: it holds only public reference data. */
public final class CachedRioConnector implements RioConnector {
  private final ReferenceCache<Optional<Institution>> institutions;
  private final ReferenceCache<List<Programme>> programmes;
  private final ReferenceCache<Optional<Qualification>> qualifications;

  private CachedRioConnector(Vertx vertx, RioConnector rio, ConnectorConfig.CacheConfig config) {
    this.institutions = new ReferenceCache<>(vertx, config, rio::findInstitution);
    this.programmes = new ReferenceCache<>(vertx, config, rio::programmes);
    this.qualifications = new ReferenceCache<>(vertx, config, rio::findQualification);
  }

  /** The connector with a cache in front, or as it is when the cache is turned off. */
  public static RioConnector of(Vertx vertx, RioConnector rio, ConnectorConfig.CacheConfig config) {
    return config.enabled() ? new CachedRioConnector(vertx, rio, config) : rio;
  }

  @Override
  public Future<Optional<Institution>> findInstitution(String code) {
    return institutions.get(code);
  }

  @Override
  public Future<List<Programme>> programmes(String institutionCode) {
    return programmes.get(institutionCode);
  }

  @Override
  public Future<Optional<Qualification>> findQualification(String crebo) {
    return qualifications.get(crebo);
  }
}
