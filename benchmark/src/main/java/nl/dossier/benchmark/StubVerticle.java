package nl.dossier.benchmark;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Listens on every registry's port and on the control port ({@code GET /__stats}: the request
 * counts). Deployed once per event loop; Vert.x spreads the connections of a shared port over the
 * instances.
 */
final class StubVerticle extends VerticleBase {
  private final StubSet stubs;

  StubVerticle(StubSet stubs) {
    this.stubs = stubs;
  }

  @Override
  public Future<?> start() {
    var listening = new ArrayList<Future<?>>();
    for (Map.Entry<String, Integer> port : stubs.ports().entrySet()) {
      var handler =
          new RegistryStub(
              vertx,
              port.getKey(),
              stubs.mappings().get(port.getKey()),
              stubs.latencyMillis(),
              stubs.counter(),
              port.getKey().equals("eduid") ? stubs.oidc() : null);
      listening.add(vertx.createHttpServer().requestHandler(handler).listen(port.getValue()));
    }
    listening.add(
        vertx.createHttpServer().requestHandler(this::control).listen(stubs.controlPort()));
    return Future.all(List.copyOf(listening));
  }

  private void control(HttpServerRequest request) {
    if (request.path().equals("/__stats")) {
      request.response().putHeader("Content-Type", "text/plain").end(stubs.counter().report());
      return;
    }
    request.response().setStatusCode(404).end();
  }
}
