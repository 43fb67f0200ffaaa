package nl.dossier.connectors.sbb;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.dossier.connectors.ConnectorConfig;
import nl.dossier.connectors.ReferenceCache;
import nl.dossier.domain.Elective;
import nl.dossier.domain.PracticalStatement;
import nl.dossier.domain.QualificationFile;
import nl.dossier.domain.RecognisedCompany;

/** SBB with its public catalogue behind a cache; praktijkverklaringen (personal) never are. */
public final class CachedSbbConnector implements SbbConnector {
  private final SbbConnector sbb;
  private final ReferenceCache<Optional<QualificationFile>> files;
  private final ReferenceCache<Optional<Elective>> electives;
  private final ReferenceCache<Optional<RecognisedCompany>> companies;

  private CachedSbbConnector(Vertx vertx, SbbConnector sbb, ConnectorConfig.CacheConfig config) {
    this.sbb = sbb;
    this.files = new ReferenceCache<>(vertx, config, sbb::findQualificationFile);
    this.electives = new ReferenceCache<>(vertx, config, sbb::findElective);
    this.companies = new ReferenceCache<>(vertx, config, sbb::findCompany);
  }

  /** The connector with a cache in front, or as it is when the cache is turned off. */
  public static SbbConnector of(Vertx vertx, SbbConnector sbb, ConnectorConfig.CacheConfig config) {
    return config.enabled() ? new CachedSbbConnector(vertx, sbb, config) : sbb;
  }

  @Override
  public Future<Optional<QualificationFile>> findQualificationFile(String crebo) {
    return files.get(crebo);
  }

  @Override
  public Future<Optional<Elective>> findElective(String code) {
    return electives.get(code);
  }

  @Override
  public Future<Optional<RecognisedCompany>> findCompany(String id) {
    return companies.get(id);
  }

  @Override
  public Future<List<PracticalStatement>> practicalStatements(
      String accessToken, Collection<String> eppns) {
    return sbb.practicalStatements(accessToken, eppns);
  }
}
