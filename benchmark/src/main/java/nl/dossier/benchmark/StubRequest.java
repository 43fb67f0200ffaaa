package nl.dossier.benchmark;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

/**
 * What a stub matches on: method, path, path with query, headers (case-insensitive) and decoded
 * query parameters.
 */
record StubRequest(String method, String path, String uri, MultiMap headers, MultiMap query) {
  static StubRequest of(HttpServerRequest request) {
    return new StubRequest(
        request.method().name(),
        request.path(),
        request.uri(),
        request.headers(),
        request.params());
  }
}
