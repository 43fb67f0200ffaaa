package nl.dossier.gateway.graphql;

import graphql.schema.DataFetcherFactories;
import graphql.schema.DataFetcherFactory;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import graphql.schema.SingletonPropertyDataFetcher;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The fetcher of every field without one of its own: the record component of the field's name,
 * through an accessor looked up once per record class; anything that is not a record is read as
 * graphql-java reads properties. graphql-java's own lookup builds and compares a cache key of class
 * and property names for every field of every answer: 29-33 ns a field, against 11-14 ns here
 * (BENCHMARKS.md, session 3).
 */
final class RecordFetcher implements LightDataFetcher<Object> {
  static final DataFetcherFactory<Object> FACTORY =
      DataFetcherFactories.useDataFetcher(new RecordFetcher());

  private static final ClassValue<Map<String, Method>> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
          var accessors = new HashMap<String, Method>();
          for (RecordComponent component : type.getRecordComponents()) {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            accessors.put(component.getName(), accessor);
          }
          return accessors;
        }
      };

  @SuppressWarnings("unchecked")
  private static final LightDataFetcher<Object> PROPERTIES =
      (LightDataFetcher<Object>) SingletonPropertyDataFetcher.singleton();

  private RecordFetcher() {}

  @Override
  public Object get(
      GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> env)
      throws Exception {
    if (source instanceof Record) {
      Method accessor = ACCESSORS.get(source.getClass()).get(field.getName());
      if (accessor != null) {
        try {
          return accessor.invoke(source);
        } catch (InvocationTargetException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
    }
    return PROPERTIES.get(field, source, env);
  }

  @Override
  public Object get(DataFetchingEnvironment env) throws Exception {
    return get(env.getFieldDefinition(), env.getSource(), () -> env);
  }
}
