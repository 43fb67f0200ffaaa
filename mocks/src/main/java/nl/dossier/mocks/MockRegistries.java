package nl.dossier.mocks;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The five mock registries, each a WireMock server on its own loopback port, plus the mock eduID
 * authorization server that signs the personas' tokens. Used by the tests and by the demo.
 */
public final class MockRegistries implements AutoCloseable {
  public static final String GATEWAY_CLIENT_ID = "dossier-gateway";
  public static final String GATEWAY_CLIENT_SECRET = "gateway-secret";
  public static final String COACH_CLIENT_ID = "coach-loopbaan";
  public static final String COACH_CLIENT_SECRET = "coach-secret";
  public static final String EMPLOYER_CLIENT_ID = "employer-hr";
  public static final String EMPLOYER_CLIENT_SECRET = "employer-secret";
  public static final String INTAKE_CLIENT_ID = "hbo-intake";
  public static final String INTAKE_CLIENT_SECRET = "intake-secret";
  public static final String AUDIENCE = "dossier-gateway";
  public static final String RIO_API_KEY = "rio-demo-key";
  public static final String SBB_API_KEY = "sbb-demo-key";
  public static final Duration OWNER_TOKEN_VALIDITY = Duration.ofHours(1);

  private static final String LOOPBACK = "127.0.0.1";

  private final Map<MockRegistry, WireMockServer> servers;
  private final AuthorizationServer authorization;

  private MockRegistries(
      Map<MockRegistry, WireMockServer> servers, AuthorizationServer authorization) {
    this.servers = servers;
    this.authorization = authorization;
  }

  public static MockRegistries start() {
    var authorization = new AuthorizationServer();
    var servers = new EnumMap<MockRegistry, WireMockServer>(MockRegistry.class);
    var mocks = new MockRegistries(servers, authorization);
    try {
      for (MockRegistry registry : MockRegistry.values()) {
        var server = new WireMockServer(options(registry, authorization));
        servers.put(registry, server);
        server.start();
      }
      authorization.listenAt(mocks.baseUrl(MockRegistry.EDUID));
      OidcStubs.register(mocks.server(MockRegistry.EDUID), authorization);
      LargeDossier.register(mocks);
      return mocks;
    } catch (RuntimeException e) {
      mocks.close();
      throw e;
    }
  }

  public WireMockServer server(MockRegistry registry) {
    return servers.get(registry);
  }

  public String baseUrl(MockRegistry registry) {
    return "http://" + LOOPBACK + ":" + server(registry).port();
  }

  public String issuer() {
    return authorization.issuer();
  }

  public String ownerToken(Persona persona) {
    return ownerToken(persona, OWNER_TOKEN_VALIDITY);
  }

  public String ownerToken(Persona persona, Duration validity) {
    return authorization.ownerToken(persona, validity);
  }

  public String clientToken(String clientId) {
    return authorization.clientToken(clientId);
  }

  public String signedToken(JWTClaimsSet claims) {
    return authorization.sign(claims);
  }

  /**
   * Accepts, at token exchange by the gateway's client, subject tokens that the gateway signed
   * itself (RFC 8693 type {@code jwt}, with an {@code act} claim) to read a dossier under a grant.
   */
  public void trustGatewayKey(String gatewayIssuer, JWK publicKey) {
    authorization.trustGatewayKey(gatewayIssuer, publicKey);
  }

  public void rotateKey() {
    authorization.rotateKey();
  }

  public void resetRequests() {
    servers.values().forEach(WireMockServer::resetRequests);
  }

  @Override
  public void close() {
    for (WireMockServer server : servers.values()) {
      if (server.isRunning()) {
        server.stop();
      }
    }
  }

  public static void main(String[] args) throws InterruptedException {
    MockRegistries mocks = start();
    Runtime.getRuntime().addShutdownHook(new Thread(mocks::close));
    System.out.println(mocks.describe());
    new CountDownLatch(1).await();
  }

  String describe() {
    var out = new StringBuilder("Mock registries (made-up personas, throw-away key)\n");
    for (MockRegistry registry : MockRegistry.values()) {
      out.append(String.format("  %-10s %s%n", registry.key(), baseUrl(registry)));
    }
    out.append("  issuer     ").append(issuer()).append('\n');
    out.append("Owner tokens (1 h; 'Authorization: Bearer <token>'):\n");
    for (Persona persona : Persona.values()) {
      out.append("  ").append(persona.key()).append(": ").append(ownerToken(persona)).append('\n');
    }
    return out.toString();
  }

  private static WireMockConfiguration options(
      MockRegistry registry, AuthorizationServer authorization) {
    var options =
        wireMockConfig()
            .dynamicPort()
            .bindAddress(LOOPBACK)
            .usingFilesUnderClasspath(registry.classpathRoot())
            .notifier(new QuietNotifier());
    if (registry == MockRegistry.EDUID) {
      options.extensions(new TokenEndpoint(authorization), new KeySetEndpoint(authorization));
    }
    return options;
  }
}
