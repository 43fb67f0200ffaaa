package nl.dossier.gateway.policy;

import graphql.GraphQLContext;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;

/**
 * graphql-java's asynchronous strategy, which also tells the guard of a personal field (see {@link
 * PolicyDirectiveWiring}) the local and GraphQL context of the field it guards while that field is
 * fetched. The guard is then a light fetcher: graphql-java builds a {@code DataFetchingEnvironment}
 * only for a field whose own fetcher needs one, which most personal fields, a record component
 * each, do not. Building one for every field was 15 % of what a party's request allocated
 * (BENCHMARKS.md, session 13).
 *
 * <p>A field is fetched synchronously on one thread, so the field under way is kept per thread and
 * put back when its fetch returns. A guard that runs under another strategy (a mutation's) finds no
 * field under way for its source and reads the environment instead.
 */
public final class GuardedExecutionStrategy extends AsyncExecutionStrategy {
  private static final ThreadLocal<Fetch> FETCHES = ThreadLocal.withInitial(Fetch::new);

  public GuardedExecutionStrategy(DataFetcherExceptionHandler exceptionHandler) {
    super(exceptionHandler);
  }

  /** The field being fetched on this thread; a guard reads it, never keeps it. */
  static final class Fetch {
    private ExecutionContext context;
    private ExecutionStrategyParameters parameters;

    /** Whether this is the fetch of the field {@code name} of {@code source}. */
    boolean of(Object source, String name) {
      return parameters != null
          && parameters.getSource() == source
          && parameters.getField().getName().equals(name);
    }

    Object localContext() {
      return parameters.getLocalContext();
    }

    GraphQLContext graphQLContext() {
      return context.getGraphQLContext();
    }
  }

  /** The field under way on this thread. */
  static Fetch current() {
    return FETCHES.get();
  }

  @Override
  protected Object fetchField(ExecutionContext context, ExecutionStrategyParameters parameters) {
    Fetch fetch = FETCHES.get();
    ExecutionContext outerContext = fetch.context;
    ExecutionStrategyParameters outerParameters = fetch.parameters;
    fetch.context = context;
    fetch.parameters = parameters;
    try {
      return super.fetchField(context, parameters);
    } finally {
      fetch.context = outerContext;
      fetch.parameters = outerParameters;
    }
  }
}
