package nl.dossier.gateway.graphql;

import graphql.introspection.Introspection;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The depth and cost of a document, measured once per document text rather than on every execution.
 * Every field costs 1; a list of objects multiplies the cost of what is selected below it by the
 * number of items it is expected to hold, so that asking for every badge of every shared dossier is
 * priced as such. Fragments are expanded; {@code @include}/{@code @skip} are ignored, so the
 * measure is an upper bound whatever the variables.
 */
public final class QueryCost {
  static final int DEFAULT_LIST_SIZE = 10;
  private static final Map<String, Integer> LIST_SIZES =
      Map.of(
          "Person.badges", 50,
          "Person.learningOutcomes", 100,
          "Query.sharedWithMe", 100,
          "Query.shares", 50,
          "DisclosurePage.entries", 100);

  private final GraphQLSchema schema;
  private final Map<String, FragmentDefinition> fragments = new HashMap<>();
  private final Set<String> expanding = new HashSet<>();

  /**
   * The deepest field nesting, the highest cost, and the most fields (fragments expanded, lists
   * counted once) over the document's operations.
   */
  public record Measure(int depth, int cost, int fields) {
    static final Measure NONE = new Measure(0, 0, 0);
  }

  private QueryCost(GraphQLSchema schema, Document document) {
    this.schema = schema;
    for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
      fragments.put(fragment.getName(), fragment);
    }
  }

  public static Measure measure(GraphQLSchema schema, Document document) {
    var cost = new QueryCost(schema, document);
    int depth = 0;
    int highest = 0;
    int fields = 0;
    for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
      Measure measure = cost.selection(operation.getSelectionSet(), root(schema, operation));
      depth = Math.max(depth, measure.depth());
      highest = Math.max(highest, measure.cost());
      fields = Math.max(fields, measure.fields());
    }
    return new Measure(depth, highest, fields);
  }

  private static GraphQLCompositeType root(GraphQLSchema schema, OperationDefinition operation) {
    return switch (operation.getOperation()) {
      case MUTATION -> schema.getMutationType();
      case SUBSCRIPTION -> schema.getSubscriptionType();
      default -> schema.getQueryType();
    };
  }

  private Measure selection(SelectionSet set, GraphQLType parent) {
    if (set == null || !(parent instanceof GraphQLCompositeType type)) {
      return Measure.NONE;
    }
    int depth = 0;
    int cost = 0;
    int fields = 0;
    for (Selection<?> selection : set.getSelections()) {
      Measure measure = selection(selection, type);
      depth = Math.max(depth, measure.depth());
      cost = saturated((long) cost + measure.cost());
      fields = saturated((long) fields + measure.fields());
    }
    return new Measure(depth, cost, fields);
  }

  private Measure selection(Selection<?> selection, GraphQLCompositeType parent) {
    if (selection instanceof Field field) {
      return field(field, parent);
    }
    if (selection instanceof InlineFragment inline) {
      GraphQLType type =
          inline.getTypeCondition() == null
              ? parent
              : schema.getType(inline.getTypeCondition().getName());
      return selection(inline.getSelectionSet(), type);
    }
    if (selection instanceof FragmentSpread spread) {
      return spread(spread);
    }
    return Measure.NONE;
  }

  private Measure spread(FragmentSpread spread) {
    FragmentDefinition fragment = fragments.get(spread.getName());
    if (fragment == null || !expanding.add(spread.getName())) {
      return Measure.NONE;
    }
    Measure measure =
        selection(
            fragment.getSelectionSet(), schema.getType(fragment.getTypeCondition().getName()));
    expanding.remove(spread.getName());
    return measure;
  }

  private Measure field(Field field, GraphQLCompositeType parent) {
    GraphQLFieldDefinition definition = definition(parent, field.getName());
    if (definition == null) {
      return new Measure(1, 1, 1);
    }
    Measure below =
        selection(field.getSelectionSet(), GraphQLTypeUtil.unwrapAll(definition.getType()));
    boolean list = GraphQLTypeUtil.unwrapNonNull(definition.getType()) instanceof GraphQLList;
    long size = list && below.cost() > 0 ? listSize(parent.getName() + "." + field.getName()) : 1;
    return new Measure(
        1 + below.depth(), saturated(1 + below.cost() * size), saturated(1L + below.fields()));
  }

  /** The field's definition, or null for one validation will reject. */
  private GraphQLFieldDefinition definition(GraphQLCompositeType parent, String name) {
    if (name.startsWith("__")) {
      try {
        return Introspection.getFieldDef(schema, parent, name);
      } catch (RuntimeException unknown) {
        return null;
      }
    }
    return parent instanceof GraphQLFieldsContainer container
        ? container.getFieldDefinition(name)
        : null;
  }

  private static int listSize(String coordinate) {
    return LIST_SIZES.getOrDefault(coordinate, DEFAULT_LIST_SIZE);
  }

  private static int saturated(long value) {
    return (int) Math.min(Integer.MAX_VALUE, value);
  }
}
