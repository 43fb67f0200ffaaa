package nl.dossier.gateway.http;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.function.Supplier;
import nl.dossier.gateway.auth.AuthenticationException;
import nl.dossier.gateway.auth.Caller;
import nl.dossier.gateway.auth.JwtAuthenticator;
import nl.dossier.gateway.graphql.RequestContext;
import nl.dossier.gateway.policy.DisclosureLog;
import nl.dossier.gateway.policy.GrantStore;
import org.dataloader.DataLoaderRegistry;

/**
 * {@code /graphql} as the GraphQL-over-HTTP specification has it: POST with a JSON body, GET with
 * query parameters for queries only, {@code application/graphql-response+json} answers, 4xx for
 * requests that cannot be executed. Authentication comes first; no registry is called for a caller
 * without a valid token.
 */
final class GraphQLHttpHandler implements Handler<RoutingContext> {
  private final GraphQL graphQL;
  private final JwtAuthenticator authenticator;
  private final Supplier<DataLoaderRegistry> dataLoaders;
  private final GrantStore store;
  private final Clock clock;

  GraphQLHttpHandler(
      GraphQL graphQL,
      JwtAuthenticator authenticator,
      Supplier<DataLoaderRegistry> dataLoaders,
      GrantStore store,
      Clock clock) {
    this.graphQL = graphQL;
    this.authenticator = authenticator;
    this.dataLoaders = dataLoaders;
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void handle(RoutingContext rc) {
    var responses = new Responses(rc);
    HttpMethod method = rc.request().method();
    if (method != HttpMethod.GET && method != HttpMethod.POST) {
      rc.response().putHeader(HttpHeaders.ALLOW, "GET, POST");
      responses.error(405, "BAD_REQUEST", "Use GET or POST");
      return;
    }
    if (responses.mediaType() == null) {
      responses.error(
          406, "BAD_REQUEST", "Accept application/graphql-response+json or application/json");
      return;
    }
    if (method == HttpMethod.POST
        && !MediaTypes.isJson(rc.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
      responses.error(415, "BAD_REQUEST", "POST requests must have Content-Type application/json");
      return;
    }
    authenticator
        .authenticate(rc.request().getHeader(HttpHeaders.AUTHORIZATION))
        .compose(caller -> execute(rc, caller))
        .onComplete(
            outcome -> {
              try {
                if (outcome.succeeded()) {
                  responses.result(outcome.result());
                } else {
                  fail(responses, outcome.cause());
                }
              } catch (RuntimeException e) {
                responses.internal(e);
              }
            });
  }

  /**
   * Executes; for anyone but the owner, the disclosure log is written before the answer leaves, and
   * an answer whose disclosure cannot be logged is not sent.
   */
  private Future<ExecutionResult> execute(RoutingContext rc, Caller caller) {
    GraphQLRequest request = parse(rc);
    DisclosureLog log = disclosureLog(caller);
    var input =
        ExecutionInput.newExecutionInput()
            .query(request.query())
            .operationName(request.operationName())
            .variables(request.variables())
            .graphQLContext(
                context -> {
                  RequestContext.put(context, caller, Responses.correlationId(rc));
                  if (log != null) {
                    context.of(DisclosureLog.class, log);
                  }
                })
            .dataLoaderRegistry(dataLoaders.get())
            .build();
    Future<ExecutionResult> result =
        Future.fromCompletionStage(graphQL.executeAsync(input), rc.vertx().getOrCreateContext());
    if (log == null) {
      return result;
    }
    return result.compose(
        executed ->
            log.write(store, clock.instant())
                .transform(
                    written -> {
                      if (written.failed()) {
                        return Future.failedFuture(
                            new DisclosureNotLoggedException(written.cause()));
                      }
                      return Future.succeededFuture(executed);
                    }));
  }

  private static DisclosureLog disclosureLog(Caller caller) {
    if (caller instanceof Caller.Party party) {
      return new DisclosureLog(party.id());
    }
    if (caller instanceof Caller.LinkHolder) {
      return new DisclosureLog(null);
    }
    return null;
  }

  private static GraphQLRequest parse(RoutingContext rc) {
    if (rc.request().method() == HttpMethod.POST) {
      return GraphQLRequest.fromBody(rc.body().asString());
    }
    GraphQLRequest request = GraphQLRequest.fromParams(rc.queryParams());
    if (!isQuery(request)) {
      rc.response().putHeader(HttpHeaders.ALLOW, "POST");
      throw new BadRequestException(405, "Only queries may be sent with GET; use POST");
    }
    return request;
  }

  private static boolean isQuery(GraphQLRequest request) {
    Document document;
    try {
      document = Parser.parse(request.query());
    } catch (InvalidSyntaxException e) {
      return true;
    }
    for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
      boolean selected =
          request.operationName() == null || request.operationName().equals(operation.getName());
      if (selected && operation.getOperation() != OperationDefinition.Operation.QUERY) {
        return false;
      }
    }
    return true;
  }

  private static void fail(Responses responses, Throwable failure) {
    if (failure instanceof AuthenticationException) {
      responses.unauthenticated(failure.getMessage());
    } else if (failure instanceof DisclosureNotLoggedException) {
      responses.policyUnavailable(failure.getCause());
    } else if (failure instanceof BadRequestException bad) {
      responses.error(bad.status(), "BAD_REQUEST", bad.getMessage());
    } else {
      responses.internal(failure);
    }
  }
}
