package nl.dossier.benchmark;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a registry's WireMock mappings and body files from the mocks jar ({@code
 * mocks/<registry>/mappings} and {@code __files}), the same files the WireMock mocks serve.
 */
final class MappingLoader {
  private MappingLoader() {}

  static List<Mapping> load(String registry, String baseUrl) {
    String root = "mocks/" + registry;
    var mappings = new ArrayList<Mapping>();
    for (String file : ClasspathFolder.list(root + "/mappings")) {
      if (!file.endsWith(".json")) {
        continue;
      }
      JsonObject json = new JsonObject(ClasspathFolder.read(root + "/mappings/" + file));
      JsonArray many = json.getJsonArray("mappings");
      if (many == null) {
        mappings.add(mapping(root, file, json, baseUrl));
        continue;
      }
      for (int i = 0; i < many.size(); i++) {
        mappings.add(mapping(root, file + "#" + i, many.getJsonObject(i), baseUrl));
      }
    }
    return mappings;
  }

  private static Mapping mapping(String root, String where, JsonObject json, String baseUrl) {
    return new Mapping(
        json.getString("name", where),
        json.getInteger("priority", Mapping.DEFAULT_PRIORITY),
        RequestPattern.parse(where, json.getJsonObject("request")),
        response(root, json.getJsonObject("response"), baseUrl));
  }

  private static StubResponse response(String root, JsonObject json, String baseUrl) {
    var headers = new LinkedHashMap<String, String>();
    JsonObject declared = json.getJsonObject("headers", new JsonObject());
    declared.fieldNames().forEach(name -> headers.put(name, declared.getString(name)));
    String body = body(root, json);
    JsonArray transformers = json.getJsonArray("transformers", new JsonArray());
    ResponseTemplate template =
        transformers.contains("response-template")
            ? ResponseTemplate.of(body, baseUrl)
            : ResponseTemplate.fixed(body);
    return new StubResponse(json.getInteger("status", 200), Map.copyOf(headers), template);
  }

  private static String body(String root, JsonObject json) {
    if (json.containsKey("bodyFileName")) {
      return ClasspathFolder.read(root + "/__files/" + json.getString("bodyFileName"));
    }
    if (json.containsKey("jsonBody")) {
      return json.getValue("jsonBody").toString();
    }
    return json.getString("body", "");
  }
}
