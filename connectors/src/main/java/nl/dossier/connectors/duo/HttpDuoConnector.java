package nl.dossier.connectors.duo;

import io.vertx.core.Future;
import nl.dossier.connectors.Upstream;
import nl.dossier.domain.DiplomaRegister;

/** Reads {@code GET /duo/mijn-diplomas/v1/resultaten}. */
public final class HttpDuoConnector implements DuoConnector {
  private final Upstream upstream;

  public HttpDuoConnector(Upstream upstream) {
    this.upstream = upstream;
  }

  @Override
  public Future<DiplomaRegister> results(String accessToken) {
    return upstream.object(
        upstream.get("/duo/mijn-diplomas/v1/resultaten").bearer(accessToken),
        json -> DuoMapper.register(json, upstream.now()));
  }
}
