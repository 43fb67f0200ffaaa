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

  public static GraphQLError upstream(DataFetchingEnvironment env, UpstreamException failure) {
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("code", DossierErrorType.SOURCE_UNAVAILABLE.name());
    extensions.put("registry", failure.registry().name());
    return GraphqlErrorBuilder.newError(env)
        .errorType(DossierErrorType.SOURCE_UNAVAILABLE)
        .message("The " + failure.registry() + " registry could not be read")
        .extensions(extensions)
        .build();
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
