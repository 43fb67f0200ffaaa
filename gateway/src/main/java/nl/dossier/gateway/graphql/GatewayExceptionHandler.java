package nl.dossier.gateway.graphql;

import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.dossier.connectors.UpstreamException;
import nl.dossier.gateway.error.Errors;

/**
 * Turns a failed field into an error at its path: a registry failure names the registry, anything
 * else is INTERNAL with a correlation id. The cause goes to the log, never to the client; a failing
 * registry is logged once per request, not once per field it leaves empty.
 */
final class GatewayExceptionHandler implements DataFetcherExceptionHandler {
  private static final Logger LOG = Logger.getLogger(GatewayExceptionHandler.class.getName());

  @Override
  public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
      DataFetcherExceptionHandlerParameters parameters) {
    Throwable cause = unwrap(parameters.getException());
    var env = parameters.getDataFetchingEnvironment();
    String correlationId = RequestContext.correlationId(env.getGraphQlContext());
    if (cause instanceof UpstreamException upstream) {
      RequestScope scope = RequestContext.scope(env.getGraphQlContext());
      if (scope == null || scope.firstFailure(upstream.registry())) {
        LOG.log(
            Level.WARNING,
            () ->
                "["
                    + correlationId
                    + "] "
                    + upstream.getMessage()
                    + ", first at "
                    + env.getExecutionStepInfo().getPath());
      }
      return result(Errors.upstream(env, upstream));
    }
    LOG.log(
        Level.SEVERE,
        cause,
        () -> "[" + correlationId + "] " + env.getExecutionStepInfo().getPath() + " failed");
    return result(Errors.internal(env, correlationId));
  }

  private static CompletableFuture<DataFetcherExceptionHandlerResult> result(
      graphql.GraphQLError error) {
    return CompletableFuture.completedFuture(
        DataFetcherExceptionHandlerResult.newResult().error(error).build());
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
