package nl.dossier.connectors;

import java.time.Duration;
import java.util.Objects;

/**
 * Where a registry lives and how the gateway talks to it.
 *
 * @param baseUrl the registry's base URL, without a trailing slash
 * @param timeout the limit on one call
 * @param apiKey the key for registries that want one (RIO, SBB), or null
 */
public record ConnectorConfig(String baseUrl, Duration timeout, String apiKey) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  public ConnectorConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (baseUrl.endsWith("/")) {
      baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }
    if (timeout == null) {
      timeout = DEFAULT_TIMEOUT;
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, but was " + timeout);
    }
  }

  public static ConnectorConfig of(String baseUrl) {
    return new ConnectorConfig(baseUrl, DEFAULT_TIMEOUT, null);
  }

  public ConnectorConfig withApiKey(String key) {
    return new ConnectorConfig(baseUrl, timeout, key);
  }
}
