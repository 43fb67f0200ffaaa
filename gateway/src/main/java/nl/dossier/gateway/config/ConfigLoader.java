package nl.dossier.gateway.config;

import com.nimbusds.jose.JWSAlgorithm;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import nl.dossier.connectors.ConnectorConfig;
import nl.dossier.domain.Registry;

/**
 * Reads a {@link GatewayConfig} from a JSON file. Connector settings are {@code
 * connectors.defaults} merged field by field with {@code connectors.<registry>}. Unknown keys stop
 * start-up, so that a misspelt setting never silently falls back to a default.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  public static GatewayConfig load(Path file) {
    try {
      return parse(new JsonObject(Files.readString(file)));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read configuration file " + file, e);
    }
  }

  public static GatewayConfig parse(JsonObject json) {
    allowOnly(json, "", "http", "auth", "client", "connectors", "sharing", "store", "limits");
    JsonObject http = json.getJsonObject("http", new JsonObject());
    allowOnly(http, "http.", "port", "bodyLimit");
    return new GatewayConfig(
        http.getInteger("port", GatewayConfig.DEFAULT_PORT),
        http.getLong("bodyLimit", GatewayConfig.DEFAULT_BODY_LIMIT),
        auth(json.getJsonObject("auth", new JsonObject())),
        client(json.getJsonObject("client", new JsonObject())),
        connectors(json.getJsonObject("connectors", new JsonObject())),
        sharing(json.getJsonObject("sharing", new JsonObject())),
        store(json.getJsonObject("store", new JsonObject())),
        limits(json.getJsonObject("limits", new JsonObject())));
  }

  private static LimitsConfig limits(JsonObject json) {
    allowOnly(
        json,
        "limits.",
        "maxDepth",
        "maxAliases",
        "maxTokens",
        "maxDirectives",
        "maxComplexity",
        "maxBatch",
        "introspection",
        "requestDeadline",
        "maxFieldsInFlight",
        "maxQueued",
        "maxQueueWait",
        "maxEventLoopDelay");
    LimitsConfig d = LimitsConfig.DEFAULTS;
    Duration deadline = duration(json, "requestDeadline");
    Duration wait = duration(json, "maxQueueWait");
    Duration delay = duration(json, "maxEventLoopDelay");
    return new LimitsConfig(
        json.getInteger("maxDepth", d.maxDepth()),
        json.getInteger("maxAliases", d.maxAliases()),
        json.getInteger("maxTokens", d.maxTokens()),
        json.getInteger("maxDirectives", d.maxDirectives()),
        json.getInteger("maxComplexity", d.maxComplexity()),
        json.getInteger("maxBatch", d.maxBatch()),
        json.getBoolean("introspection", d.introspection()),
        deadline == null ? d.requestDeadline() : deadline,
        json.getLong("maxFieldsInFlight", d.maxFieldsInFlight()),
        json.getInteger("maxQueued", d.maxQueued()),
        wait == null ? d.maxQueueWait() : wait,
        delay == null ? d.maxEventLoopDelay() : delay);
  }

  private static GatewayConfig.SharingConfig sharing(JsonObject json) {
    allowOnly(json, "sharing.", "issuer", "parties");
    JsonObject parties = json.getJsonObject("parties", new JsonObject());
    var names = new java.util.LinkedHashMap<String, String>();
    for (String id : parties.fieldNames()) {
      JsonObject party = parties.getJsonObject(id);
      allowOnly(party, "sharing.parties." + id + ".", "name");
      names.put(id, party.getString("name", id));
    }
    return new GatewayConfig.SharingConfig(json.getString("issuer"), names);
  }

  private static String store(JsonObject json) {
    allowOnly(json, "store.", "jdbcUrl");
    return json.getString("jdbcUrl");
  }

  private static AuthConfig auth(JsonObject json) {
    allowOnly(
        json,
        "auth.",
        "issuer",
        "audience",
        "jwksUrl",
        "algorithms",
        "clockSkew",
        "jwksMinRefreshInterval");
    return new AuthConfig(
        json.getString("issuer"),
        json.getString("audience"),
        json.getString("jwksUrl"),
        algorithms(json.getJsonArray("algorithms")),
        duration(json, "clockSkew"),
        duration(json, "jwksMinRefreshInterval"));
  }

  private static GatewayConfig.ClientConfig client(JsonObject json) {
    allowOnly(json, "client.", "tokenUrl", "clientId", "clientSecret");
    return new GatewayConfig.ClientConfig(
        json.getString("tokenUrl"), json.getString("clientId"), json.getString("clientSecret"));
  }

  private static Map<Registry, ConnectorConfig> connectors(JsonObject json) {
    JsonObject defaults = json.getJsonObject("defaults", new JsonObject());
    var result = new EnumMap<Registry, ConnectorConfig>(Registry.class);
    for (String name : json.fieldNames()) {
      if (name.equals("defaults")) {
        continue;
      }
      Registry registry = registry(name);
      JsonObject merged = defaults.copy().mergeIn(json.getJsonObject(name), true);
      result.put(registry, connector("connectors." + name + ".", merged));
    }
    return result;
  }

  private static ConnectorConfig connector(String prefix, JsonObject json) {
    allowOnly(
        json,
        prefix,
        "baseUrl",
        "apiKey",
        "timeout",
        "maxConcurrentCalls",
        "maxResponseBytes",
        "http2",
        "retry",
        "breaker",
        "cache");
    return new ConnectorConfig(
        json.getString("baseUrl"),
        json.getString("apiKey"),
        duration(json, "timeout"),
        json.getInteger("maxConcurrentCalls", ConnectorConfig.DEFAULT_MAX_CONCURRENT_CALLS),
        json.getInteger("maxResponseBytes", ConnectorConfig.DEFAULT_MAX_RESPONSE_BYTES),
        json.getBoolean("http2", json.getString("baseUrl", "").startsWith("https:")),
        retry(prefix + "retry.", json.getJsonObject("retry", new JsonObject())),
        breaker(prefix + "breaker.", json.getJsonObject("breaker", new JsonObject())),
        cache(prefix + "cache.", json.getJsonObject("cache", new JsonObject())));
  }

  private static ConnectorConfig.RetryConfig retry(String prefix, JsonObject json) {
    allowOnly(
        json, prefix, "maxAttempts", "initialBackoff", "multiplier", "jitter", "maxRetryAfter");
    var d = ConnectorConfig.RetryConfig.DEFAULTS;
    return new ConnectorConfig.RetryConfig(
        json.getInteger("maxAttempts", d.maxAttempts()),
        durationOr(json, "initialBackoff", d.initialBackoff()),
        json.getDouble("multiplier", d.multiplier()),
        json.getDouble("jitter", d.jitter()),
        durationOr(json, "maxRetryAfter", d.maxRetryAfter()));
  }

  private static ConnectorConfig.BreakerConfig breaker(String prefix, JsonObject json) {
    allowOnly(
        json,
        prefix,
        "failureRateThreshold",
        "slowCallRateThreshold",
        "slowCallDuration",
        "slidingWindowSize",
        "minimumNumberOfCalls",
        "waitInOpenState",
        "permittedCallsInHalfOpenState");
    var d = ConnectorConfig.BreakerConfig.DEFAULTS;
    return new ConnectorConfig.BreakerConfig(
        json.getFloat("failureRateThreshold", d.failureRateThreshold()),
        json.getFloat("slowCallRateThreshold", d.slowCallRateThreshold()),
        durationOr(json, "slowCallDuration", d.slowCallDuration()),
        json.getInteger("slidingWindowSize", d.slidingWindowSize()),
        json.getInteger("minimumNumberOfCalls", d.minimumNumberOfCalls()),
        durationOr(json, "waitInOpenState", d.waitInOpenState()),
        json.getInteger("permittedCallsInHalfOpenState", d.permittedCallsInHalfOpenState()));
  }

  private static ConnectorConfig.CacheConfig cache(String prefix, JsonObject json) {
    allowOnly(json, prefix, "ttl", "refreshAfter", "maxSize");
    var d = ConnectorConfig.CacheConfig.DEFAULTS;
    return new ConnectorConfig.CacheConfig(
        durationOr(json, "ttl", d.ttl()),
        durationOr(json, "refreshAfter", d.refreshAfter()),
        json.getLong("maxSize", d.maxSize()));
  }

  private static Duration durationOr(JsonObject json, String key, Duration otherwise) {
    Duration value = duration(json, key);
    return value == null ? otherwise : value;
  }

  private static Registry registry(String name) {
    for (Registry registry : Registry.values()) {
      if (GatewayConfig.key(registry).equals(name)) {
        return registry;
      }
    }
    throw new IllegalArgumentException("unknown registry in connectors: " + name);
  }

  private static Set<JWSAlgorithm> algorithms(JsonArray names) {
    if (names == null) {
      return null;
    }
    var algorithms = new LinkedHashSet<JWSAlgorithm>();
    for (Object name : names) {
      algorithms.add(JWSAlgorithm.parse(String.valueOf(name)));
    }
    return algorithms;
  }

  private static Duration duration(JsonObject json, String key) {
    String value = json.getString(key);
    return value == null ? null : Duration.parse(value);
  }

  private static void allowOnly(JsonObject json, String prefix, String... keys) {
    Set<String> allowed = Set.of(keys);
    for (String name : json.fieldNames()) {
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException("unknown configuration key: " + prefix + name);
      }
    }
  }
}
