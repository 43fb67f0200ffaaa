package nl.dossier.connectors.eduid;

import io.vertx.core.Future;
import java.util.List;
import nl.dossier.connectors.Json;
import nl.dossier.connectors.Upstream;
import nl.dossier.domain.LinkedAccount;

/** Reads {@code GET /myconext/api/eduid/links}. */
public final class HttpEduIdConnector implements EduIdConnector {
  private final Upstream upstream;

  public HttpEduIdConnector(Upstream upstream) {
    this.upstream = upstream;
  }

  @Override
  public Future<List<LinkedAccount>> links(String accessToken) {
    return upstream.array(
        upstream.get("/myconext/api/eduid/links").bearer(accessToken),
        array -> Json.list(array, EduIdMapper::linkedAccount));
  }
}
