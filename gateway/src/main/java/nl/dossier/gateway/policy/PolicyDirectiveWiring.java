package nl.dossier.gateway.policy;

import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLObjectType;
import graphql.schema.LightDataFetcher;
import graphql.schema.idl.SchemaDirectiveWiring;
import graphql.schema.idl.SchemaDirectiveWiringEnvironment;
import java.util.function.Supplier;
import nl.dossier.gateway.error.Errors;

/**
 * Wraps the fetcher of every field marked {@code @personal} once, at schema build time: the field
 * is fetched only when the policy permits its schema coordinate under the dossier's access;
 * otherwise it is null with a WITHHELD error, and its fetcher (and any upstream call) never runs.
 * Every permitted coordinate read under a grant is recorded for the disclosure log.
 */
public final class PolicyDirectiveWiring implements SchemaDirectiveWiring {
  public static final String DIRECTIVE = "personal";

  private final PolicyEngine policy;

  public PolicyDirectiveWiring(PolicyEngine policy) {
    this.policy = policy;
  }

  @Override
  public GraphQLFieldDefinition onField(
      SchemaDirectiveWiringEnvironment<GraphQLFieldDefinition> env) {
    GraphQLFieldsContainer parent = env.getFieldsContainer();
    if (!(parent instanceof GraphQLObjectType)) {
      return env.getElement();
    }
    // interned, as the store's grants hold their coordinates: the grant's set then finds it by
    // reference
    String coordinate = (parent.getName() + "." + env.getElement().getName()).intern();
    DataFetcher<?> delegate = env.getFieldDataFetcher();
    env.setFieldDataFetcher(guarded(coordinate, delegate));
    return env.getElement();
  }

  private DataFetcher<?> guarded(String coordinate, DataFetcher<?> delegate) {
    return new LightDataFetcher<>() {
      @Override
      public Object get(
          GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> env)
          throws Exception {
        var fetch = GuardedExecutionStrategy.current();
        boolean under = fetch.of(source, field.getName());
        Object local = under ? fetch.localContext() : env.get().getLocalContext();
        Access access = local instanceof Access known ? known : null;
        if (!permits(access, coordinate)) {
          return DataFetcherResult.newResult().error(Errors.withheld(env.get())).build();
        }
        if (access instanceof Access.GrantAccess grant) {
          GraphQLContext context = under ? fetch.graphQLContext() : env.get().getGraphQlContext();
          DisclosureLog log = context.get(DisclosureLog.class);
          if (log != null) {
            log.record(grant, coordinate);
          }
        }
        return delegate instanceof LightDataFetcher<?> light
            ? light.get(field, source, env)
            : delegate.get(env.get());
      }

      @Override
      public Object get(DataFetchingEnvironment env) throws Exception {
        return get(env.getFieldDefinition(), env.getSource(), () -> env);
      }
    };
  }

  private boolean permits(Access access, String coordinate) {
    try {
      return access != null && policy.permits(new PolicyRequest(access, coordinate));
    } catch (RuntimeException e) {
      return false;
    }
  }
}
