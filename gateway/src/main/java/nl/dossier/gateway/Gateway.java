package nl.dossier.gateway;

import com.nimbusds.jose.jwk.ECKey;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import nl.dossier.connectors.ConnectorConfig;
import nl.dossier.connectors.EventLoopDelay;
import nl.dossier.connectors.QueuedFlushes;
import nl.dossier.connectors.Resilience;
import nl.dossier.connectors.Upstream;
import nl.dossier.connectors.duo.HttpDuoConnector;
import nl.dossier.connectors.edubadges.HttpEdubadgesConnector;
import nl.dossier.connectors.eduid.HttpEduIdConnector;
import nl.dossier.connectors.eduid.HttpTokenExchange;
import nl.dossier.connectors.rio.CachedRioConnector;
import nl.dossier.connectors.rio.HttpRioConnector;
import nl.dossier.connectors.sbb.CachedSbbConnector;
import nl.dossier.connectors.sbb.HttpSbbConnector;
import nl.dossier.domain.Registry;
import nl.dossier.gateway.auth.GatewayKeys;
import nl.dossier.gateway.auth.JwksCache;
import nl.dossier.gateway.auth.JwtAuthenticator;
import nl.dossier.gateway.config.GatewayConfig;
import nl.dossier.gateway.graphql.GraphQLFactory;
import nl.dossier.gateway.graphql.Registries;
import nl.dossier.gateway.http.Routes;
import nl.dossier.gateway.policy.GrantCache;
import nl.dossier.gateway.policy.GrantPolicyEngine;
import nl.dossier.gateway.policy.SharingService;
import nl.dossier.gateway.store.JdbcGrantStore;

/** Wires configuration, store, connectors, policy and HTTP together and starts the server. */
public final class Gateway {
  private static final int HTTP2_CONNECTION_WINDOW = 16 * 1024 * 1024;
  private static final Duration JWKS_REFRESH_PERIOD = Duration.ofMinutes(10);
  private static final int JWKS_CONNECTIONS = 2;

  private final Vertx vertx;
  private final GatewayConfig config;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, CircuitBreaker> breakers = new TreeMap<>();
  private final EventLoopDelay delay = new EventLoopDelay();
  private JdbcGrantStore store;
  private GatewayKeys keys;

  public Gateway(Vertx vertx, GatewayConfig config) {
    this.vertx = vertx;
    this.config = config;
  }

  /** A Vert.x on the platform's native transport (epoll on Linux) where there is one, else NIO. */
  public static Vertx vertx() {
    return Vertx.builder().with(new VertxOptions().setPreferNativeTransport(true)).build();
  }

  /** Opens the store, fetches the issuer's keys, then listens; fails if any of that fails. */
  public Future<HttpServer> start() {
    return JdbcGrantStore.open(vertx, config.storeUrl())
        .compose(
            opened -> {
              store = opened;
              return store.signingKey(GatewayKeys::newKeyJson);
            })
        .compose(
            keyJson -> {
              keys = new GatewayKeys(GatewayKeys.parse(keyJson), config.sharing().issuer(), clock);
              return listen();
            });
  }

  /**
   * The public half of the key the gateway signs share links and token-exchange assertions with.
   */
  public ECKey publicKey() {
    return keys.publicKey();
  }

  /** Stops the store; the caller closes Vert.x. */
  public void stop() throws Exception {
    if (store != null) {
      store.close();
    }
  }

  private Future<HttpServer> listen() {
    Registries registries = registries();
    var policy = new GrantPolicyEngine();
    var catalog = GraphQLFactory.catalog();
    var parties = config.sharing().parties().keySet();
    var grants = new GrantCache(store);
    var sharing = new SharingService(store, grants, catalog, parties, keys, clock);
    String tokenUrl = config.client().tokenUrl();
    var graphQL =
        GraphQLFactory.create(
            new GraphQLFactory.Services(
                policy,
                sharing,
                store,
                catalog,
                grant -> actor -> keys.assertion(grant.owner(), actor, grant.id(), tokenUrl),
                clock,
                config.limits()));
    var jwks =
        new JwksCache(
            vertx,
            client(JWKS_CONNECTIONS),
            config.auth().jwksUrl(),
            config.auth().jwksMinRefreshInterval());
    var authenticator = new JwtAuthenticator(config.auth(), jwks, keys, parties);
    var router =
        Routes.create(
            vertx,
            graphQL,
            authenticator,
            deadline -> GraphQLFactory.scope(registries, grants, deadline),
            store,
            config.bodyLimit(),
            config.limits(),
            smallestBulkhead(),
            delay,
            breakers);
    return jwks.start(JWKS_REFRESH_PERIOD).compose(loaded -> serve(router));
  }

  /**
   * How many owners' registries the requests under way may read at once: each owner is a call to
   * every registry that holds personal records ({@link nl.dossier.gateway.graphql.Dossier}), so
   * more than the smallest of their bulkheads would come back as BUSY. RIO's public reference data
   * is read per institution, not per owner.
   */
  private int smallestBulkhead() {
    return config.connectors().entrySet().stream()
        .filter(connector -> connector.getKey() != Registry.RIO)
        .mapToInt(connector -> connector.getValue().maxConcurrentCalls())
        .min()
        .orElse(Integer.MAX_VALUE);
  }

  /**
   * Listens on one event loop per core (Vert.x shares the port between them). On port 0, where each
   * server would get a port of its own, on one. Each of these event loops is watched for how far
   * behind it is ({@link EventLoopDelay}).
   */
  private Future<HttpServer> serve(Router router) {
    int loops = config.port() == 0 ? 1 : Runtime.getRuntime().availableProcessors();
    Promise<HttpServer> first = Promise.promise();
    Supplier<Deployable> server =
        () ->
            context -> {
              delay.watch(vertx);
              return vertx
                  .createHttpServer()
                  .requestHandler(router)
                  .listen(config.port())
                  .onSuccess(first::tryComplete);
            };
    return vertx
        .deployVerticle(server, new DeploymentOptions().setInstances(loops))
        .compose(id -> first.future());
  }

  /** An HTTP client with its own pool of keep-alive connections. */
  private WebClient client(int maxConnections) {
    return WebClient.create(
        vertx,
        new WebClientOptions().setUserAgent("dossier-gateway"),
        new PoolOptions().setHttp1MaxSize(maxConnections));
  }

  private Registries registries() {
    var tokenEndpoint = withBaseUrl(config.connector(Registry.EDUID), config.client().tokenUrl());
    return new Registries(
        new HttpTokenExchange(
            vertx,
            upstream("eduid-token", Registry.EDUID, tokenEndpoint),
            config.client().clientId(),
            config.client().clientSecret()),
        new HttpEduIdConnector(upstream(Registry.EDUID)),
        new HttpDuoConnector(upstream(Registry.DUO)),
        new HttpEdubadgesConnector(upstream(Registry.EDUBADGES)),
        CachedRioConnector.of(
            vertx,
            new HttpRioConnector(upstream(Registry.RIO)),
            config.connector(Registry.RIO).cache()),
        CachedSbbConnector.of(
            vertx,
            new HttpSbbConnector(upstream(Registry.SBB)),
            config.connector(Registry.SBB).cache()));
  }

  private Upstream upstream(Registry registry) {
    return upstream(GatewayConfig.key(registry), registry, config.connector(registry));
  }

  private Upstream upstream(String name, Registry registry, ConnectorConfig connector) {
    var resilience = new Resilience(vertx, name, registry, connector, delay);
    breakers.put(name, resilience.breaker());
    // a client per event loop: a call's connection lives on the event loop that makes the call
    ThreadLocal<HttpClient> perEventLoop =
        ThreadLocal.withInitial(
            () ->
                vertx
                    .httpClientBuilder()
                    .with(clientOptions(connector))
                    .with(pool(connector))
                    .withConnectHandler(Gateway::queueFlushes)
                    .build());
    return new Upstream(vertx, registry, perEventLoop::get, connector, resilience, clock);
  }

  /**
   * The flushes of a registry connection wait for the event loop's queued tasks ({@link
   * QueuedFlushes}).
   */
  static void queueFlushes(HttpConnection connection) {
    // Vert.x's connection class is not public API (checked against Vert.x 5.0.10)
    if (connection instanceof ConnectionBase base) {
      base.channel().pipeline().addFirst(new QueuedFlushes());
    }
  }

  /**
   * HTTP/2 if asked for: negotiated with ALPN over TLS, with prior knowledge over plain HTTP. (An
   * upgrade from HTTP/1.1 on plain HTTP was tried: a registry that reset the connection during the
   * upgrade left the call to time out rather than fail.) A connection may receive {@link
   * #HTTP2_CONNECTION_WINDOW} ahead of what the gateway has read, as much as browsers allow: with
   * HTTP/2's 64 KiB, the answers of a hundred calls on one connection took turns, each waiting for
   * a busy event loop to ask for more, and healthy registries looked slow enough to open their
   * breakers (BENCHMARKS.md, session 12).
   */
  private static HttpClientOptions clientOptions(ConnectorConfig connector) {
    if (!connector.http2()) {
      return new HttpClientOptions();
    }
    return new HttpClientOptions()
        .setProtocolVersion(HttpVersion.HTTP_2)
        .setUseAlpn(true)
        .setHttp2ClearTextUpgrade(false)
        .setHttp2ConnectionWindowSize(HTTP2_CONNECTION_WINDOW);
  }

  /**
   * Each pool may open as many HTTP/1.1 connections as the bulkhead lets calls through, so that no
   * call queues for one: a call that timed out in that queue would count against the registry for
   * the gateway's own congestion. An HTTP/2 connection carries as many calls at once as the
   * registry allows, which RFC 9113 recommends be no fewer than 100.
   */
  private static PoolOptions pool(ConnectorConfig connector) {
    int calls = connector.maxConcurrentCalls();
    return new PoolOptions().setHttp1MaxSize(calls).setHttp2MaxSize((calls + 99) / 100);
  }

  private static ConnectorConfig withBaseUrl(ConnectorConfig config, String baseUrl) {
    return new ConnectorConfig(
        baseUrl,
        null,
        config.timeout(),
        config.maxConcurrentCalls(),
        config.maxResponseBytes(),
        config.http2(),
        config.retry(),
        config.breaker(),
        config.cache());
  }
}
