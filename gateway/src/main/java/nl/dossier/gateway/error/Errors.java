package nl.dossier.gateway.error;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.dossier.connectors.UpstreamException;

/** Builds the GraphQL errors the gateway returns. Never includes exception text. */
public final class Errors {
  private Errors() {}

  public static GraphQLError withheld(DataFetchingEnvironment env) {
    return GraphqlErrorBuilder.newError(env)
        .errorType(DossierErrorType.WITHHELD)
        .message("This field is not shared with you")
        .extensions(Map.of("code", DossierErrorType.WITHHELD.name()))
        .build();
  }

  /** An error with a stable code and a message that is safe to show. */
  public static GraphQLError of(
      DataFetchingEnvironment env, DossierErrorType type, String message) {
    return GraphqlErrorBuilder.newError(env)
        .errorType(type)
        .message(message)
        .extensions(Map.of("code", type.name()))
        .build();
  }

  /** A registry failure: names the registry, says why in a stable code, hints when to retry. */
  public static GraphQLError upstream(DataFetchingEnvironment env, UpstreamException failure) {
    DossierErrorType type = type(failure);
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("code", type.name());
    extensions.put("registry", failure.registry().name());
    if (failure.retryAfter() != null) {
      extensions.put("retryAfterSeconds", Math.max(1, failure.retryAfter().toSeconds()));
    }
    return GraphqlErrorBuilder.newError(env)
        .errorType(type)
        .message(message(type, failure))
        .extensions(extensions)
        .build();
  }

  private static DossierErrorType type(UpstreamException failure) {
    return switch (failure.reason()) {
      case TIMED_OUT -> DossierErrorType.SOURCE_TIMEOUT;
      case RATE_LIMITED -> DossierErrorType.SOURCE_RATE_LIMITED;
      default -> DossierErrorType.SOURCE_UNAVAILABLE;
    };
  }

  private static String message(DossierErrorType type, UpstreamException failure) {
    String registry = failure.registry().name();
    return switch (type) {
      case SOURCE_TIMEOUT -> "The " + registry + " registry did not answer in time";
      case SOURCE_RATE_LIMITED ->
          "The " + registry + " registry is limiting requests; try again later";
      default -> "The " + registry + " registry could not be read";
    };
  }

  public static GraphQLError internal(DataFetchingEnvironment env, String correlationId) {
    return GraphqlErrorBuilder.newError(env)
        .errorType(DossierErrorType.INTERNAL)
        .message("Internal error; quote correlation id " + correlationId)
        .extensions(
            Map.of("code", DossierErrorType.INTERNAL.name(), "correlationId", correlationId))
        .build();
  }
}
