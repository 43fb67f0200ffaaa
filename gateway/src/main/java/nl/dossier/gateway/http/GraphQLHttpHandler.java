package nl.dossier.gateway.http;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.introspection.Introspection;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.dossier.connectors.EventLoopDelay;
import nl.dossier.connectors.Timeouts;
import nl.dossier.gateway.auth.AuthenticationException;
import nl.dossier.gateway.auth.Caller;
import nl.dossier.gateway.auth.JwtAuthenticator;
import nl.dossier.gateway.config.LimitsConfig;
import nl.dossier.gateway.error.DossierErrorType;
import nl.dossier.gateway.graphql.RequestContext;
import nl.dossier.gateway.graphql.RequestDeadline;
import nl.dossier.gateway.graphql.RequestScope;
import nl.dossier.gateway.graphql.ResponseObject;
import nl.dossier.gateway.policy.DisclosureLog;
import nl.dossier.gateway.policy.GrantStore;

/**
 * {@code /graphql} as the GraphQL-over-HTTP specification has it: POST with a JSON body (or a
 * batch: a JSON array), GET with query parameters for queries only, {@code
 * application/graphql-response+json} answers, 4xx for requests that cannot be executed.
 * Authentication comes first and the limits second; nothing reaches a registry before both pass.
 */
final class GraphQLHttpHandler implements Handler<RoutingContext> {
  private final GraphQL graphQL;
  private final JwtAuthenticator authenticator;
  private final Function<RequestDeadline, RequestScope> scopes;
  private final GrantStore store;
  private final LimitsConfig limits;
  private final QueryLimits queryLimits;
  private final Timeouts deadlines;
  private final Clock clock;
  private final Admission admission;

  GraphQLHttpHandler(
      GraphQL graphQL,
      JwtAuthenticator authenticator,
      Function<RequestDeadline, RequestScope> scopes,
      GrantStore store,
      LimitsConfig limits,
      int maxOwnersInFlight,
      Vertx vertx,
      EventLoopDelay delay,
      Clock clock) {
    this.graphQL = graphQL;
    this.authenticator = authenticator;
    this.scopes = scopes;
    this.store = store;
    this.limits = limits;
    this.queryLimits = new QueryLimits(limits, graphQL.getGraphQLSchema());
    this.deadlines = new Timeouts(vertx, limits.requestDeadline());
    this.admission =
        new Admission(
            vertx,
            limits.maxFieldsInFlight(),
            maxOwnersInFlight,
            limits.maxQueued(),
            limits.maxQueueWait(),
            delay::nanos,
            limits.maxEventLoopDelay());
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
        .compose(caller -> run(rc, caller))
        .onComplete(
            outcome -> {
              try {
                if (outcome.succeeded()) {
                  outcome.result().send(responses);
                } else {
                  fail(responses, outcome.cause());
                }
              } catch (RuntimeException e) {
                responses.internal(e);
              }
            });
  }

  /**
   * One result, or the results of a batch in order, with the verdicts on their documents, which
   * learn how many fields each result had.
   */
  private record Answer(
      List<ExecutionResult> results, List<QueryLimits.Verdict> verdicts, boolean batch) {
    void send(Responses responses) {
      if (batch) {
        int[] fields = responses.batch(results);
        for (int i = 0; i < fields.length; i++) {
          verdicts.get(i).answered(fields[i]);
        }
      } else {
        verdicts.get(0).answered(responses.result(results.get(0)));
      }
    }
  }

  private Future<Answer> run(RoutingContext rc, Caller caller) {
    if (rc.request().method() == HttpMethod.GET) {
      GraphQLRequest request = GraphQLRequest.fromParams(rc.queryParams());
      QueryLimits.Verdict verdict = queryLimits.check(request.query());
      if (verdict.hasMutation(request.operationName())) {
        rc.response().putHeader(HttpHeaders.ALLOW, "POST");
        throw new BadRequestException(405, "Only queries may be sent with GET; use POST");
      }
      return single(rc, caller, request, verdict);
    }
    GraphQLRequest.Body body = GraphQLRequest.fromBody(rc.body().buffer(), limits.maxBatch());
    List<GraphQLRequest> requests = body.operations();
    if (!body.batch()) {
      GraphQLRequest request = requests.get(0);
      return single(rc, caller, request, queryLimits.check(request.query()));
    }
    var verdicts = new ArrayList<QueryLimits.Verdict>(requests.size());
    var weight = new Admission.Weight(0, 0);
    for (GraphQLRequest request : requests) {
      QueryLimits.Verdict verdict = queryLimits.check(request.query());
      verdicts.add(verdict);
      weight = weight.plus(verdict.weight());
    }
    return admitted(
        rc,
        weight,
        () -> {
          var results = new ArrayList<Future<ExecutionResult>>(requests.size());
          for (int i = 0; i < requests.size(); i++) {
            results.add(execute(rc, caller, requests.get(i), verdicts.get(i)));
          }
          // join, not all: the fields are given back only when every operation has ended
          return Future.join(results).map(all -> new Answer(all.list(), verdicts, true));
        });
  }

  private Future<Answer> single(
      RoutingContext rc, Caller caller, GraphQLRequest request, QueryLimits.Verdict verdict) {
    return admitted(
        rc,
        verdict.weight(),
        () ->
            execute(rc, caller, request, verdict)
                .map(result -> new Answer(List.of(result), List.of(verdict), false)));
  }

  /**
   * Runs the work once the gateway takes it on ({@link Admission}), and gives its fields back when
   * it is done; answers 503 OVERLOADED with Retry-After if it is not taken on. A client that goes
   * while its request waits gives its place back, and nothing is asked for it.
   */
  private Future<Answer> admitted(
      RoutingContext rc, Admission.Weight weight, Supplier<Future<Answer>> work) {
    Future<Void> admit = admission.admit(weight);
    if (!admit.isComplete()) {
      rc.response().closeHandler(closed -> admission.withdraw(admit));
    }
    return admit.transform(
        admitted -> {
          boolean gone = rc.response().closed();
          if (admitted.succeeded() && !gone) {
            try {
              return work.get().andThen(done -> admission.done(weight));
            } catch (RuntimeException e) {
              admission.done(weight);
              return Future.failedFuture(e);
            }
          }
          if (admitted.succeeded()) {
            admission.done(weight); // taken on as its client went
          }
          rc.response().putHeader(HttpHeaders.RETRY_AFTER, "1");
          return Future.failedFuture(
              new BadRequestException(
                  503,
                  DossierErrorType.OVERLOADED.name(),
                  "The gateway is busy; try again shortly"));
        });
  }

  /**
   * Executes under the request deadline; for anyone but the owner, the disclosure log is written
   * before the answer leaves, and an answer whose disclosure cannot be logged is not sent. The
   * verdict on the document learns whose registries it read.
   */
  private Future<ExecutionResult> execute(
      RoutingContext rc, Caller caller, GraphQLRequest request, QueryLimits.Verdict verdict) {
    DisclosureLog log = disclosureLog(caller);
    RequestDeadline deadline = RequestDeadline.start(deadlines);
    RequestScope scope = scopes.apply(deadline);
    var input =
        ExecutionInput.newExecutionInput()
            .query(request.query())
            .operationName(request.operationName())
            .variables(request.variables())
            .graphQLContext(
                context -> {
                  RequestContext.put(context, caller, Responses.correlationId(rc), scope);
                  ResponseObject.use(context);
                  context.of(Introspection.INTROSPECTION_DISABLED, !limits.introspection());
                  if (log != null) {
                    context.of(DisclosureLog.class, log);
                  }
                })
            .dataLoaderRegistry(scope.dataLoaders())
            .build();
    Future<ExecutionResult> result =
        Future.fromCompletionStage(graphQL.executeAsync(input), rc.vertx().getOrCreateContext())
            .andThen(
                done -> {
                  deadline.cancel();
                  verdict.read(scope.owners());
                });
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

  private static void fail(Responses responses, Throwable failure) {
    if (failure instanceof AuthenticationException) {
      responses.unauthenticated(failure.getMessage());
    } else if (failure instanceof DisclosureNotLoggedException) {
      responses.policyUnavailable(failure.getCause());
    } else if (failure instanceof BadRequestException bad) {
      responses.error(bad.status(), bad.code(), bad.getMessage());
    } else {
      responses.internal(failure);
    }
  }
}
