package nl.dossier.gateway.graphql;

import graphql.GraphQL;
import graphql.GraphQLContext;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An object of an answer as graphql-java completes it: the two lists it hands over, the object's
 * result keys and their values, kept as they are. graphql-java's default copies them into a {@code
 * LinkedHashMap}, an entry per field; keeping them saves 8 % of what a party's request allocates
 * (BENCHMARKS.md, session 13). An answer's objects are written once, by position; a look-up by key
 * searches the keys. Read-only.
 */
public final class ResponseObject extends AbstractMap<String, Object> {
  private final List<String> keys;
  private final List<Object> values;

  /** The object of {@code keys} and their {@code values}, in that order; both lists are kept. */
  public ResponseObject(List<String> keys, List<Object> values) {
    this.keys = keys;
    this.values = values;
  }

  /** Makes graphql-java complete the objects of a request's answer as these. */
  public static void use(GraphQLContext.Builder context) {
    GraphQL.unusualConfiguration(context).responseMapFactory().setFactory(ResponseObject::new);
  }

  @Override
  public int size() {
    return keys.size();
  }

  public String key(int index) {
    return keys.get(index);
  }

  public Object value(int index) {
    return values.get(index);
  }

  @Override
  public boolean containsKey(Object key) {
    return keys.contains(key);
  }

  @Override
  public Object get(Object key) {
    int index = keys.indexOf(key);
    return index < 0 ? null : values.get(index);
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return keys.size();
      }

      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keys.size();
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= keys.size()) {
              throw new NoSuchElementException();
            }
            var entry = new SimpleImmutableEntry<>(keys.get(next), values.get(next));
            next++;
            return entry;
          }
        };
      }
    };
  }
}
