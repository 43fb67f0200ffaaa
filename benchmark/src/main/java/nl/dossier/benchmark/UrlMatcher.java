package nl.dossier.benchmark;

import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/** WireMock's four ways of matching the URL: {@code url}, {@code urlPath} and their patterns. */
record UrlMatcher(String key, String exact, Pattern pattern) {
  private static final String[] KEYS = {"url", "urlPath", "urlPattern", "urlPathPattern"};

  static UrlMatcher parse(String where, JsonObject request) {
    for (String key : KEYS) {
      String value = request.getString(key);
      if (value != null) {
        boolean regex = key.endsWith("Pattern");
        return new UrlMatcher(key, regex ? null : value, regex ? Pattern.compile(value) : null);
      }
    }
    throw new IllegalArgumentException("no url, urlPath, urlPattern or urlPathPattern at " + where);
  }

  boolean test(StubRequest request) {
    String actual = key.startsWith("urlPath") ? request.path() : request.uri();
    return exact != null ? exact.equals(actual) : pattern.matcher(actual).matches();
  }
}
