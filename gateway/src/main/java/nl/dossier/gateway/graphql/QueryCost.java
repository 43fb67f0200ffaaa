package nl.dossier.gateway.graphql;

import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;
import java.util.Map;
import nl.dossier.gateway.error.DossierErrorType;

/**
 * Depth and cost limits, checked by graphql-java before execution. Every field costs 1; a list of
 * objects multiplies the cost of what is selected below it by the number of items it is expected to
 * hold, so that asking for every badge of every shared dossier is priced as such.
 */
final class QueryCost implements FieldComplexityCalculator {
  static final int DEFAULT_LIST_SIZE = 10;
  private static final Map<String, Integer> LIST_SIZES =
      Map.of(
          "Person.badges", 50,
          "Person.learningOutcomes", 100,
          "Query.sharedWithMe", 100,
          "Query.shares", 50,
          "DisclosurePage.entries", 100);

  @Override
  public int calculate(FieldComplexityEnvironment env, int childComplexity) {
    var type = GraphQLTypeUtil.unwrapNonNull(env.getFieldDefinition().getType());
    if (!(type instanceof GraphQLList) || childComplexity == 0) {
      return 1 + childComplexity;
    }
    String coordinate = env.getParentType().getName() + "." + env.getField().getName();
    return 1 + childComplexity * LIST_SIZES.getOrDefault(coordinate, DEFAULT_LIST_SIZE);
  }

  static MaxQueryDepthInstrumentation depth(int max) {
    return new MaxQueryDepthInstrumentation(max) {
      @Override
      protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
        return abort(
            DossierErrorType.QUERY_TOO_DEEP,
            "The query is " + depth + " deep; at most " + maxDepth + " is allowed");
      }
    };
  }

  static MaxQueryComplexityInstrumentation complexity(int max) {
    return new MaxQueryComplexityInstrumentation(max, new QueryCost()) {
      @Override
      protected AbortExecutionException mkAbortException(int totalComplexity, int maxComplexity) {
        return abort(
            DossierErrorType.QUERY_TOO_COMPLEX,
            "The query costs " + totalComplexity + "; at most " + maxComplexity + " is allowed");
      }
    };
  }

  private static AbortExecutionException abort(DossierErrorType type, String message) {
    return new AbortExecutionException(
        List.of(
            GraphqlErrorBuilder.newError()
                .errorType(type)
                .message(message)
                .extensions(Map.of("code", type.name()))
                .build()));
  }
}
