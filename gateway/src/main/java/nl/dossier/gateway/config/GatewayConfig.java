package nl.dossier.gateway.config;

import java.util.Map;
import java.util.Objects;
import nl.dossier.connectors.ConnectorConfig;
import nl.dossier.domain.Registry;

/**
 * Everything the gateway needs to start, read once at start-up.
 *
 * @param port the HTTP port (0 picks a free one)
 * @param bodyLimit the largest request body accepted, in bytes
 * @param auth how owners authenticate
 * @param client the gateway's own client at the eduID authorization server (token exchange)
 * @param connectors where each registry lives
 * @param sharing the parties owners can share with, and the gateway's own token issuer
 * @param storeUrl the JDBC URL of the grant store
 * @param limits limits on requests
 */
public record GatewayConfig(
    int port,
    long bodyLimit,
    AuthConfig auth,
    ClientConfig client,
    Map<Registry, ConnectorConfig> connectors,
    SharingConfig sharing,
    String storeUrl,
    LimitsConfig limits) {
  public static final int DEFAULT_PORT = 8080;
  public static final long DEFAULT_BODY_LIMIT = 64 * 1024;

  /**
   * An H2 file with a 2 MB page cache instead of H2's 16 MB: grants are read through the gateway's
   * own one-second cache and disclosures are appended, so the store's hot pages are few, and the
   * pages H2 keeps are live heap that every full collection walks (the party's collector time per
   * request fell by about a tenth with it; BENCHMARKS.md, session 10).
   */
  public static final String DEFAULT_STORE_URL = "jdbc:h2:file:./data/dossier;CACHE_SIZE=2048";

  public GatewayConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("http.port must be between 0 and 65535, but was " + port);
    }
    if (bodyLimit <= 0) {
      throw new IllegalArgumentException("http.bodyLimit must be positive, but was " + bodyLimit);
    }
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(client, "client");
    for (Registry registry : Registry.values()) {
      if (!connectors.containsKey(registry)) {
        throw new IllegalArgumentException("connectors." + key(registry) + " is required");
      }
    }
    connectors = Map.copyOf(connectors);
    Objects.requireNonNull(sharing, "sharing");
    storeUrl = storeUrl == null ? DEFAULT_STORE_URL : storeUrl;
    limits = limits == null ? LimitsConfig.DEFAULTS : limits;
  }

  public ConnectorConfig connector(Registry registry) {
    return connectors.get(registry);
  }

  /** The configuration key of a registry, e.g. {@code edubadges}. */
  public static String key(Registry registry) {
    return registry.name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Sharing settings.
   *
   * @param issuer the {@code iss} of the tokens the gateway signs itself (share links, assertions)
   * @param parties the parties owners can share with: party id (a client id at the issuer) to name
   */
  public record SharingConfig(String issuer, Map<String, String> parties) {
    public static final String DEFAULT_ISSUER = "urn:nl:dossier:gateway";

    public SharingConfig {
      issuer = issuer == null ? DEFAULT_ISSUER : issuer;
      parties = parties == null ? Map.of() : Map.copyOf(parties);
    }
  }

  /**
   * The gateway's client registration at the eduID authorization server.
   *
   * @param tokenUrl the token endpoint
   * @param clientId the client id
   * @param clientSecret the client secret
   */
  public record ClientConfig(String tokenUrl, String clientId, String clientSecret) {
    public ClientConfig {
      Objects.requireNonNull(tokenUrl, "client.tokenUrl is required");
      Objects.requireNonNull(clientId, "client.clientId is required");
      Objects.requireNonNull(clientSecret, "client.clientSecret is required");
    }

    @Override
    public String toString() {
      return "ClientConfig[tokenUrl=" + tokenUrl + ", clientId=" + clientId + "]";
    }
  }
}
