package nl.dossier.benchmark;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.dossier.mocks.MockRegistries;
import nl.dossier.mocks.MockRegistry;
import nl.dossier.mocks.Persona;

/**
 * The large persona (Lars), whose stubs the mocks generate in code ({@code LargeDossier} is not
 * public): read once from the WireMock mocks at start-up and turned into mappings of the same
 * requests, so that the benchmark serves exactly the mocks' large dossier.
 */
final class LargePersona {
  private static final String KEY = Persona.LARS.key();
  private static final int PRIORITY = 1;

  private final MockRegistries mocks;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, List<Mapping>> mappings = new HashMap<>();

  private LargePersona(MockRegistries mocks) {
    this.mocks = mocks;
  }

  /** The large persona's mappings by registry key; edubadges URLs point at edubadgesBaseUrl. */
  static Map<String, List<Mapping>> capture(String edubadgesBaseUrl) {
    try (MockRegistries mocks = MockRegistries.start()) {
      var capture = new LargePersona(mocks);
      capture.captureAll(edubadgesBaseUrl);
      return capture.mappings;
    }
  }

  private void captureAll(String edubadgesBaseUrl) {
    String links = personal(MockRegistry.EDUID, "/myconext/api/eduid/links", "myconext");
    personal(MockRegistry.DUO, "/duo/mijn-diplomas/v1/resultaten", "duo");
    String badges = personal(MockRegistry.EDUBADGES, "/mobile/api/badge-instances", "edubadges");
    String eppn = new JsonArray(links).getJsonObject(0).getString("eppn");
    statements(eppn);
    for (Object badge : new JsonArray(badges)) {
      assertion(((JsonObject) badge).getString("entity_id"), edubadgesBaseUrl);
    }
  }

  private String personal(MockRegistry registry, String path, String audience) {
    var headers = new HashMap<String, String>();
    headers.put("Authorization", "Bearer at." + audience + "." + KEY);
    if (registry == MockRegistry.EDUBADGES) {
      headers.put("X-Requested-With", "mobile");
    }
    String body = get(registry, path, headers);
    add(registry, "urlPath", path, headers, Map.of(), ResponseTemplate.fixed(body));
    return body;
  }

  private void statements(String eppn) {
    var headers =
        Map.of("Authorization", "Bearer at.sbb." + KEY, "x-api-key", MockRegistries.SBB_API_KEY);
    String path = "/sbb/v1/praktijkverklaringen";
    String body = get(MockRegistry.SBB, path + "?eppn=" + eppn, headers);
    add(
        MockRegistry.SBB,
        "urlPath",
        path,
        headers,
        Map.of("eppn", eppn),
        ResponseTemplate.fixed(body));
  }

  private void assertion(String entityId, String edubadgesBaseUrl) {
    String path = "/public/assertions/" + entityId;
    String body = get(MockRegistry.EDUBADGES, path, Map.of());
    String template = body.replace(mocks.baseUrl(MockRegistry.EDUBADGES), "{{request.baseUrl}}");
    add(
        MockRegistry.EDUBADGES,
        "urlPathPattern",
        Pattern.quote(path) + "(\\.json)?",
        Map.of(),
        Map.of(),
        ResponseTemplate.of(template, edubadgesBaseUrl));
  }

  private void add(
      MockRegistry registry,
      String urlKey,
      String url,
      Map<String, String> headers,
      Map<String, String> query,
      ResponseTemplate body) {
    boolean regex = urlKey.endsWith("Pattern");
    var request =
        new RequestPattern(
            "GET",
            new UrlMatcher(urlKey, regex ? null : url, regex ? Pattern.compile(url) : null),
            equalTo(headers),
            equalTo(query));
    var response = new StubResponse(200, Map.of("Content-Type", "application/json"), body);
    mappings
        .computeIfAbsent(registry.key(), key -> new ArrayList<>())
        .add(new Mapping(registry.key() + " " + KEY + " " + url, PRIORITY, request, response));
  }

  private static Map<String, ValueMatcher> equalTo(Map<String, String> values) {
    var matchers = new HashMap<String, ValueMatcher>();
    values.forEach((name, value) -> matchers.put(name, new ValueMatcher(value, null)));
    return Map.copyOf(matchers);
  }

  private String get(MockRegistry registry, String path, Map<String, String> headers) {
    var request = HttpRequest.newBuilder(URI.create(mocks.baseUrl(registry) + path));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "the mocks answered " + response.statusCode() + " to " + registry.key() + path);
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read " + registry.key() + path + " from the mocks", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
