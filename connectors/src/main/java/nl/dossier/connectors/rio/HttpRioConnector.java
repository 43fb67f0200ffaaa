package nl.dossier.connectors.rio;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.dossier.connectors.RegistryRequest;
import nl.dossier.connectors.Upstream;
import nl.dossier.domain.Institution;
import nl.dossier.domain.Programme;
import nl.dossier.domain.Qualification;

/** Reads the RIO LOD REST API (HAL JSON, {@code x-api-key}, {@code page}/{@code pageSize}). */
public final class HttpRioConnector implements RioConnector {
  static final int PAGE_SIZE = 100;
  private static final int MAX_PAGES = 20;

  private final Upstream upstream;

  public HttpRioConnector(Upstream upstream) {
    this.upstream = upstream;
  }

  @Override
  public Future<Optional<Institution>> findInstitution(String code) {
    return upstream.find(
        request("/onderwijsaanbieders/" + RegistryRequest.segment(code)), RioMapper::institution);
  }

  @Override
  public Future<List<Programme>> programmes(String institutionCode) {
    return page(institutionCode, 0, new ArrayList<>());
  }

  @Override
  public Future<Optional<Qualification>> findQualification(String crebo) {
    return upstream.find(
        request("/mbo-kwalificaties/" + RegistryRequest.segment(crebo)), RioMapper::qualification);
  }

  private Future<List<Programme>> page(String institutionCode, int page, List<Programme> found) {
    var request =
        request("/aangeboden-mbo-opleidingen")
            .query("onderwijsaanbieder", institutionCode)
            .query("page", Integer.toString(page))
            .query("pageSize", Integer.toString(PAGE_SIZE));
    return upstream
        .object(request, RioMapper::programmes)
        .compose(
            programmes -> {
              found.addAll(programmes);
              if (programmes.size() < PAGE_SIZE || page + 1 >= MAX_PAGES) {
                return Future.succeededFuture(List.copyOf(found));
              }
              return page(institutionCode, page + 1, found);
            });
  }

  private RegistryRequest request(String path) {
    return upstream.get(path).header("x-api-key", upstream.config().apiKey());
  }
}
