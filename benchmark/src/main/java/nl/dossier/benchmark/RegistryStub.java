package nl.dossier.benchmark;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * One registry: counts each request, finds the first mapping (by priority) that matches and sends
 * its response after the fixed latency, without blocking the event loop.
 */
final class RegistryStub implements Handler<HttpServerRequest> {
  private static final StubResponse UNMATCHED =
      StubResponse.json(404, "{\"stub\":\"no mapping matches this request\"}");

  private final Vertx vertx;
  private final String registry;
  private final List<Mapping> mappings;
  private final long latencyMillis;
  private final CallCounter counter;
  private final AuthorizationEndpoints oidc;

  /**
   * @param oidc the authorization server below {@code /oidc}, or null for registries other than
   *     eduID
   */
  RegistryStub(
      Vertx vertx,
      String registry,
      List<Mapping> mappings,
      long latencyMillis,
      CallCounter counter,
      AuthorizationEndpoints oidc) {
    this.vertx = vertx;
    this.registry = registry;
    var sorted = new ArrayList<>(mappings);
    sorted.sort(Mapping.BY_PRIORITY);
    this.mappings = List.copyOf(sorted);
    this.latencyMillis = latencyMillis;
    this.counter = counter;
    this.oidc = oidc;
  }

  @Override
  public void handle(HttpServerRequest request) {
    counter.count(registry);
    StubRequest stub = StubRequest.of(request);
    if (oidc != null && stub.path().startsWith("/oidc/")) {
      counter.count(registry + stub.path().replace("/oidc/", ".oidc-"));
      request
          .body()
          .onSuccess(body -> later(request, stub, orUnmatched(oidc.answer(stub, body), stub)));
      return;
    }
    later(request, stub, orUnmatched(find(stub), stub));
  }

  /** The response of the first mapping that matches, or null. */
  StubResponse find(StubRequest request) {
    for (Mapping mapping : mappings) {
      if (mapping.request().test(request)) {
        return mapping.response();
      }
    }
    return null;
  }

  private StubResponse orUnmatched(StubResponse response, StubRequest request) {
    if (response != null) {
      return response;
    }
    counter.count(registry + ".unmatched");
    return UNMATCHED;
  }

  private void later(HttpServerRequest request, StubRequest stub, StubResponse answer) {
    Buffer body = answer.body().render(stub);
    if (latencyMillis <= 0) {
      send(request.response(), answer, body);
      return;
    }
    vertx.setTimer(latencyMillis, id -> send(request.response(), answer, body));
  }

  private static void send(HttpServerResponse response, StubResponse answer, Buffer body) {
    if (response.closed()) {
      return;
    }
    response.setStatusCode(answer.status());
    answer.headers().forEach(response::putHeader);
    response.end(body);
  }
}
