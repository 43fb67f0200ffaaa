package nl.dossier.gateway.http;

import graphql.GraphQL;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.graphql.GraphiQLHandler;
import io.vertx.ext.web.handler.graphql.GraphiQLHandlerOptions;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import nl.dossier.connectors.EventLoopDelay;
import nl.dossier.gateway.auth.JwtAuthenticator;
import nl.dossier.gateway.config.LimitsConfig;
import nl.dossier.gateway.graphql.RequestDeadline;
import nl.dossier.gateway.graphql.RequestScope;
import nl.dossier.gateway.policy.GrantStore;

/** The gateway's HTTP surface: {@code /graphql}, {@code /graphiql}, {@code /health}. */
public final class Routes {
  private Routes() {}

  public static Router create(
      Vertx vertx,
      GraphQL graphQL,
      JwtAuthenticator authenticator,
      Function<RequestDeadline, RequestScope> scopes,
      GrantStore store,
      long bodyLimit,
      LimitsConfig limits,
      int maxOwnersInFlight,
      EventLoopDelay delay,
      Map<String, CircuitBreaker> breakers) {
    Router router = Router.router(vertx);
    router
        .route("/graphql")
        .handler(BodyHandler.create(false).setBodyLimit(bodyLimit))
        .handler(
            new GraphQLHttpHandler(
                graphQL,
                authenticator,
                scopes,
                store,
                limits,
                maxOwnersInFlight,
                vertx,
                delay,
                Clock.systemUTC()))
        .failureHandler(Routes::failure);
    router
        .route("/graphiql*")
        .subRouter(
            GraphiQLHandler.create(vertx, new GraphiQLHandlerOptions().setEnabled(true)).router());
    router.get("/health").handler(rc -> json(rc, 200, new JsonObject().put("status", "UP")));
    router.get("/ready").handler(rc -> ready(rc, breakers));
    return router;
  }

  private static void failure(RoutingContext rc) {
    var responses = new Responses(rc);
    if (rc.statusCode() == 413) {
      responses.error(413, "BAD_REQUEST", "The request body is too large");
    } else if (rc.statusCode() >= 400 && rc.statusCode() < 500) {
      responses.error(rc.statusCode(), "BAD_REQUEST", "The request could not be read");
    } else {
      responses.internal(rc.failure());
    }
  }

  /**
   * Ready while the gateway can answer at all: a registry whose breaker is open only degrades the
   * answers (its fields are null with an error), so it is reported, not made a reason to stop.
   */
  private static void ready(RoutingContext rc, Map<String, CircuitBreaker> breakers) {
    var registries = new JsonObject();
    boolean degraded = false;
    for (var entry : breakers.entrySet()) {
      CircuitBreaker.State state = entry.getValue().getState();
      registries.put(entry.getKey(), state.name());
      degraded |= state != CircuitBreaker.State.CLOSED;
    }
    json(
        rc,
        200,
        new JsonObject().put("status", degraded ? "DEGRADED" : "UP").put("registries", registries));
  }

  private static void json(RoutingContext rc, int status, JsonObject body) {
    rc.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(body.encode());
  }
}
