package nl.dossier.gateway.graphql;

import graphql.GraphQLContext;
import nl.dossier.gateway.auth.Caller;

/** The keys under which a request's own values sit in the {@link GraphQLContext}. */
public final class RequestContext {
  private static final String CORRELATION_ID = "correlationId";

  private RequestContext() {}

  public static void put(
      GraphQLContext.Builder context, Caller caller, String correlationId, RequestScope scope) {
    context.of(Caller.class, caller, CORRELATION_ID, correlationId, RequestScope.class, scope);
  }

  static RequestScope scope(GraphQLContext context) {
    return context.get(RequestScope.class);
  }

  public static Caller caller(GraphQLContext context) {
    return context.get(Caller.class);
  }

  public static String correlationId(GraphQLContext context) {
    String id = context.get(CORRELATION_ID);
    return id == null ? "-" : id;
  }
}
