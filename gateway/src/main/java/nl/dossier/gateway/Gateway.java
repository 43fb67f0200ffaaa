package nl.dossier.gateway;

import com.nimbusds.jose.jwk.ECKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.time.Duration;
import nl.dossier.connectors.ConnectorConfig;
import nl.dossier.connectors.Upstream;
import nl.dossier.connectors.duo.HttpDuoConnector;
import nl.dossier.connectors.edubadges.HttpEdubadgesConnector;
import nl.dossier.connectors.eduid.HttpEduIdConnector;
import nl.dossier.connectors.eduid.HttpTokenExchange;
import nl.dossier.connectors.rio.HttpRioConnector;
import nl.dossier.connectors.sbb.HttpSbbConnector;
import nl.dossier.domain.Registry;
import nl.dossier.gateway.auth.GatewayKeys;
import nl.dossier.gateway.auth.JwksCache;
import nl.dossier.gateway.auth.JwtAuthenticator;
import nl.dossier.gateway.config.GatewayConfig;
import nl.dossier.gateway.graphql.GraphQLFactory;
import nl.dossier.gateway.graphql.Registries;
import nl.dossier.gateway.http.Routes;
import nl.dossier.gateway.policy.GrantPolicyEngine;
import nl.dossier.gateway.policy.SharingService;
import nl.dossier.gateway.store.JdbcGrantStore;

/** Wires configuration, store, connectors, policy and HTTP together and starts the server. */
public final class Gateway {
  private static final Duration JWKS_REFRESH_PERIOD = Duration.ofMinutes(10);

  private final Vertx vertx;
  private final GatewayConfig config;
  private final Clock clock = Clock.systemUTC();
  private JdbcGrantStore store;
  private GatewayKeys keys;

  public Gateway(Vertx vertx, GatewayConfig config) {
    this.vertx = vertx;
    this.config = config;
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
    WebClient client =
        WebClient.create(
            vertx,
            new WebClientOptions().setUserAgent("dossier-gateway"),
            new PoolOptions().setHttp1MaxSize(50));
    Registries registries = registries(client);
    var policy = new GrantPolicyEngine();
    var catalog = GraphQLFactory.catalog();
    var parties = config.sharing().parties().keySet();
    var sharing = new SharingService(store, catalog, parties, keys, clock);
    String tokenUrl = config.client().tokenUrl();
    var graphQL =
        GraphQLFactory.create(
            new GraphQLFactory.Services(
                registries,
                policy,
                sharing,
                store,
                catalog,
                grant -> actor -> keys.assertion(grant.owner(), actor, grant.id(), tokenUrl),
                clock));
    var jwks =
        new JwksCache(
            vertx, client, config.auth().jwksUrl(), config.auth().jwksMinRefreshInterval());
    var authenticator = new JwtAuthenticator(config.auth(), jwks, keys, parties);
    var router =
        Routes.create(
            vertx,
            graphQL,
            authenticator,
            () -> GraphQLFactory.dataLoaders(registries),
            store,
            config.bodyLimit());
    return jwks.start(JWKS_REFRESH_PERIOD)
        .compose(loaded -> vertx.createHttpServer().requestHandler(router).listen(config.port()));
  }

  private Registries registries(WebClient client) {
    var tokenEndpoint =
        new ConnectorConfig(
            config.client().tokenUrl(), config.connector(Registry.EDUID).timeout(), null);
    return new Registries(
        new HttpTokenExchange(
            vertx,
            new Upstream(Registry.EDUID, client, tokenEndpoint, clock),
            config.client().clientId(),
            config.client().clientSecret()),
        new HttpEduIdConnector(upstream(client, Registry.EDUID)),
        new HttpDuoConnector(upstream(client, Registry.DUO)),
        new HttpEdubadgesConnector(upstream(client, Registry.EDUBADGES)),
        new HttpRioConnector(upstream(client, Registry.RIO)),
        new HttpSbbConnector(upstream(client, Registry.SBB)));
  }

  private Upstream upstream(WebClient client, Registry registry) {
    return new Upstream(registry, client, config.connector(registry), clock);
  }
}
