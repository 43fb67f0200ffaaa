package nl.dossier.gateway.graphql;

import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;

/**
 * graphql-java's default, no-op instrumentation, without the adapter that its {@code
 * beginFieldFetching} allocates around a no-op for every field fetched (2 % of what a party's
 * request allocated: BENCHMARKS.md, session 13). graphql-java takes null for "nothing to call
 * back".
 */
final class NoInstrumentation extends SimplePerformantInstrumentation {
  @Override
  public FieldFetchingInstrumentationContext beginFieldFetching(
      InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
    return null;
  }
}
