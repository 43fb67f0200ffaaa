package nl.dossier.gateway.http;

import graphql.GraphQL;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.graphql.GraphiQLHandler;
import io.vertx.ext.web.handler.graphql.GraphiQLHandlerOptions;
import java.time.Clock;
import java.util.function.Supplier;
import nl.dossier.gateway.auth.JwtAuthenticator;
import nl.dossier.gateway.policy.GrantStore;
import org.dataloader.DataLoaderRegistry;

/** The gateway's HTTP surface: {@code /graphql}, {@code /graphiql}, {@code /health}. */
public final class Routes {
  private Routes() {}

  public static Router create(
      Vertx vertx,
      GraphQL graphQL,
      JwtAuthenticator authenticator,
      Supplier<DataLoaderRegistry> dataLoaders,
      GrantStore store,
      long bodyLimit) {
    Router router = Router.router(vertx);
    router
        .route("/graphql")
        .handler(BodyHandler.create(false).setBodyLimit(bodyLimit))
        .handler(
            new GraphQLHttpHandler(graphQL, authenticator, dataLoaders, store, Clock.systemUTC()))
        .failureHandler(Routes::failure);
    router
        .route("/graphiql*")
        .subRouter(
            GraphiQLHandler.create(vertx, new GraphiQLHandlerOptions().setEnabled(true)).router());
    router.get("/health").handler(rc -> json(rc, 200, new JsonObject().put("status", "UP")));
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

  private static void json(RoutingContext rc, int status, JsonObject body) {
    rc.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(body.encode());
  }
}
