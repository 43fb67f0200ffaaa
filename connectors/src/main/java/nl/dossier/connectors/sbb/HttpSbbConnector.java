package nl.dossier.connectors.sbb;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.dossier.connectors.Json;
import nl.dossier.connectors.RegistryRequest;
import nl.dossier.connectors.Upstream;
import nl.dossier.domain.Elective;
import nl.dossier.domain.PracticalStatement;
import nl.dossier.domain.QualificationFile;
import nl.dossier.domain.RecognisedCompany;

/** Reads the SBB API ({@code /sbb/v1}, {@code x-api-key}). */
public final class HttpSbbConnector implements SbbConnector {
  private final Upstream upstream;

  public HttpSbbConnector(Upstream upstream) {
    this.upstream = upstream;
  }

  @Override
  public Future<Optional<QualificationFile>> findQualificationFile(String crebo) {
    return upstream.find(
        request("/sbb/v1/kwalificatiedossiers").query("crebocode", crebo),
        SbbMapper::qualificationFile);
  }

  @Override
  public Future<Optional<Elective>> findElective(String code) {
    return upstream.find(
        request("/sbb/v1/keuzedelen/" + RegistryRequest.segment(code)), SbbMapper::elective);
  }

  @Override
  public Future<Optional<RecognisedCompany>> findCompany(String id) {
    return upstream.find(
        request("/sbb/v1/leerbedrijven/" + RegistryRequest.segment(id)), SbbMapper::company);
  }

  @Override
  public Future<List<PracticalStatement>> practicalStatements(
      String accessToken, Collection<String> eppns) {
    if (eppns.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    var request = request("/sbb/v1/praktijkverklaringen").bearer(accessToken);
    eppns.forEach(eppn -> request.query("eppn", eppn));
    var mapper = new SbbMapper(upstream.now());
    return upstream.object(
        request, json -> Json.list(json.getJsonArray("praktijkverklaringen"), mapper::statement));
  }

  private RegistryRequest request(String path) {
    return upstream.get(path).header("x-api-key", upstream.config().apiKey());
  }
}
