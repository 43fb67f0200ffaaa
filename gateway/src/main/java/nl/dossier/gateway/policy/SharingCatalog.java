package nl.dossier.gateway.policy;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an owner can share, read from the SDL: every object-type coordinate marked
 * {@code @personal}, the named groups (the directive's {@code group}) and what they expand to. An
 * interface coordinate such as {@code LearningOutcome.title} expands to the same field of every
 * implementing type.
 */
public final class SharingCatalog {
  private final Set<String> coordinates;
  private final Map<String, Set<String>> groups;
  private final Map<String, Set<String>> interfaceFields;
  private final Map<String, Set<String>> byType;

  private SharingCatalog(
      Set<String> coordinates,
      Map<String, Set<String>> groups,
      Map<String, Set<String>> interfaceFields) {
    this.coordinates = coordinates;
    this.groups = groups;
    this.interfaceFields = interfaceFields;
    var types = new TreeMap<String, Set<String>>();
    for (String coordinate : coordinates) {
      types
          .computeIfAbsent(coordinate.substring(0, coordinate.indexOf('.')), t -> new TreeSet<>())
          .add(coordinate);
    }
    types.replaceAll((type, members) -> Set.copyOf(members));
    this.byType = Map.copyOf(types);
  }

  /** The shareable coordinates of one object type (empty for a type without personal fields). */
  public Set<String> coordinatesOf(String type) {
    return byType.getOrDefault(type, Set.of());
  }

  public static SharingCatalog of(GraphQLSchema schema) {
    var coordinates = new TreeSet<String>();
    var groups = new TreeMap<String, Set<String>>();
    var interfaceFields = new TreeMap<String, Set<String>>();
    for (var type : schema.getAllTypesAsList()) {
      if (!(type instanceof GraphQLFieldsContainer container)) {
        continue;
      }
      for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
        var directive = field.getAppliedDirective(PolicyDirectiveWiring.DIRECTIVE);
        if (directive == null) {
          continue;
        }
        String group = directive.getArgument("group").getValue();
        for (String coordinate : expand(schema, container, field.getName())) {
          coordinates.add(coordinate);
          groups.computeIfAbsent(group, g -> new TreeSet<>()).add(coordinate);
        }
        if (container instanceof GraphQLInterfaceType) {
          interfaceFields.put(
              container.getName() + "." + field.getName(),
              Set.copyOf(expand(schema, container, field.getName())));
        }
      }
    }
    groups.replaceAll((name, members) -> Set.copyOf(members));
    return new SharingCatalog(
        Set.copyOf(coordinates), Map.copyOf(groups), Map.copyOf(interfaceFields));
  }

  private static List<String> expand(
      GraphQLSchema schema, GraphQLFieldsContainer container, String field) {
    if (container instanceof GraphQLObjectType) {
      return List.of(container.getName() + "." + field);
    }
    var result = new ArrayList<String>();
    for (GraphQLObjectType implementation :
        schema.getImplementations((GraphQLInterfaceType) container)) {
      result.add(implementation.getName() + "." + field);
    }
    return result;
  }

  /** Every shareable coordinate. */
  public Set<String> coordinates() {
    return coordinates;
  }

  /** The groups and the coordinates each expands to. */
  public Map<String, Set<String>> groups() {
    return groups;
  }

  /**
   * Expands coordinates and group names into coordinates; throws {@link IllegalArgumentException}
   * naming every entry that is neither.
   */
  public Set<String> expand(Collection<String> requested) {
    var result = new TreeSet<String>();
    var unknown = new ArrayList<String>();
    for (String entry : requested) {
      if (groups.containsKey(entry)) {
        result.addAll(groups.get(entry));
      } else if (interfaceFields.containsKey(entry)) {
        result.addAll(interfaceFields.get(entry));
      } else if (coordinates.contains(entry)) {
        result.add(entry);
      } else {
        unknown.add(entry);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "not a personal schema coordinate or sharing group: " + String.join(", ", unknown));
    }
    return result;
  }
}
