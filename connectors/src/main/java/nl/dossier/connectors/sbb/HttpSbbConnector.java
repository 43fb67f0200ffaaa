package nl.dossier.connectors.sbb;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.dossier.connectors.Json;
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
        request("/sbb/v1/kwalificatiedossiers").addQueryParam("crebocode", crebo),
        SbbMapper::qualificationFile);
  }

  @Override
  public Future<Optional<Elective>> findElective(String code) {
    return upstream.find(request("/sbb/v1/keuzedelen/" + code), SbbMapper::elective);
  }

  @Override
  public Future<Optional<RecognisedCompany>> findCompany(String id) {
    return upstream.find(request("/sbb/v1/leerbedrijven/" + id), SbbMapper::company);
  }

  @Override
  public Future<List<PracticalStatement>> practicalStatements(
      String accessToken, Collection<String> eppns) {
    if (eppns.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    var request = request("/sbb/v1/praktijkverklaringen").bearerTokenAuthentication(accessToken);
    eppns.forEach(eppn -> request.addQueryParam("eppn", eppn));
    var mapper = new SbbMapper(upstream.now());
    return upstream.object(
        request, json -> Json.list(json.getJsonArray("praktijkverklaringen"), mapper::statement));
  }

  private HttpRequest<Buffer> request(String path) {
    return upstream.get(path).putHeader("x-api-key", upstream.config().apiKey());
  }
}
