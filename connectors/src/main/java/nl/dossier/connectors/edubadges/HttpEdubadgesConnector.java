package nl.dossier.connectors.edubadges;

import io.vertx.core.Future;
import java.util.List;
import nl.dossier.connectors.Json;
import nl.dossier.connectors.Upstream;
import nl.dossier.domain.Badge;

/** Reads the mobile API {@code GET /mobile/api/badge-instances} (unpaginated). */
public final class HttpEdubadgesConnector implements EdubadgesConnector {
  private final Upstream upstream;

  public HttpEdubadgesConnector(Upstream upstream) {
    this.upstream = upstream;
  }

  @Override
  public Future<List<Badge>> badges(String accessToken) {
    var mapper = new EdubadgesMapper(upstream.config().baseUrl(), upstream.now());
    return upstream.array(
        upstream
            .get("/mobile/api/badge-instances")
            .bearer(accessToken)
            .header("X-Requested-With", "mobile"),
        array -> Json.list(array, mapper::badge));
  }
}
