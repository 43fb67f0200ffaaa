package nl.dossier.gateway.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import graphql.schema.SingletonPropertyDataFetcher;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The fetcher of every field without one of its own, one per field: the record component of the
 * field's name, through an accessor looked up once per record class; anything that is not a record
 * is read as graphql-java reads properties. A field's parent is almost always one record class, so
 * the fetcher keeps the accessor of the last class it saw and looks up another only when the class
 * changes. graphql-java's own lookup builds and compares a cache key of class and property names
 * for every field of every answer (29-33 ns a field, against 11-14 ns for a lookup by name:
 * BENCHMARKS.md, session 3); the lookup by name was in one profile more than half of this fetcher's
 * time (session 9).
 */
final class RecordFetcher implements LightDataFetcher<Object> {
  /** Gives every field that has no fetcher of its own a fetcher of this kind. */
  static final WiringFactory WIRING =
      new WiringFactory() {
        @Override
        public DataFetcher<?> getDefaultDataFetcher(FieldWiringEnvironment environment) {
          return new RecordFetcher(environment.getFieldDefinition().getName());
        }
      };

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

  private final String name;
  private volatile Accessor last = new Accessor(Void.class, null);

  private RecordFetcher(String name) {
    this.name = name;
  }

  /** The accessor of this fetcher's field in one record class; null if it has no such component. */
  private record Accessor(Class<?> type, Method method) {}

  @Override
  public Object get(
      GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> env)
      throws Exception {
    if (source instanceof Record) {
      Accessor accessor = last;
      if (accessor.type() != source.getClass()) {
        accessor = new Accessor(source.getClass(), ACCESSORS.get(source.getClass()).get(name));
        last = accessor;
      }
      if (accessor.method() != null) {
        try {
          return accessor.method().invoke(source);
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
