package nl.dossier.benchmark;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** The request side of a mapping: method, URL, headers and query parameters. */
record RequestPattern(
    String method,
    UrlMatcher url,
    Map<String, ValueMatcher> headers,
    Map<String, ValueMatcher> query) {
  static RequestPattern parse(String where, JsonObject json) {
    return new RequestPattern(
        json.getString("method", "ANY"),
        UrlMatcher.parse(where, json),
        matchers(where + ".headers", json.getJsonObject("headers")),
        matchers(where + ".queryParameters", json.getJsonObject("queryParameters")));
  }

  boolean test(StubRequest request) {
    if (!method.equals("ANY") && !method.equals(request.method())) {
      return false;
    }
    if (!url.test(request)) {
      return false;
    }
    for (var header : headers.entrySet()) {
      if (!header.getValue().testAny(request.headers().getAll(header.getKey()))) {
        return false;
      }
    }
    for (var parameter : query.entrySet()) {
      if (!parameter.getValue().testAny(request.query().getAll(parameter.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, ValueMatcher> matchers(String where, JsonObject json) {
    var matchers = new LinkedHashMap<String, ValueMatcher>();
    if (json != null) {
      for (String name : json.fieldNames()) {
        matchers.put(name, ValueMatcher.parse(where + "." + name, json.getJsonObject(name)));
      }
    }
    return Map.copyOf(matchers);
  }
}
