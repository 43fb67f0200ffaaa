package nl.dossier.gateway;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates selections over every reachable field of a type, written in the ways a client may write
 * them (aliases, inline fragments, {@code @include}/{@code @skip}, {@code __typename}), and keeps
 * the tree so that an answer can be walked field by field.
 */
final class QueryGenerator {
  private final GraphQLSchema schema;
  private final Random random;
  private int aliases;

  QueryGenerator(GraphQLSchema schema, Random random) {
    this.schema = schema;
    this.random = random;
  }

  /**
   * One selected field: its response key, its field and parent type, what is selected below it, and
   * for an interface-typed field the selection per implementing type.
   */
  record Node(
      String key,
      String field,
      String parentType,
      List<Node> children,
      Map<String, List<Node>> fragments) {}

  List<Node> selection(String typeName, int depth) {
    var nodes = new ArrayList<Node>();
    GraphQLFieldsContainer type = (GraphQLFieldsContainer) schema.getType(typeName);
    nodes.add(new Node("__typename", "__typename", typeName, List.of(), Map.of()));
    for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
      if (!field.getArguments().isEmpty()) {
        continue;
      }
      GraphQLType target = GraphQLTypeUtil.unwrapAll(field.getType());
      List<Node> children = List.of();
      Map<String, List<Node>> fragments = Map.of();
      if (target instanceof GraphQLFieldsContainer container) {
        if (depth == 0) {
          continue;
        }
        if (target instanceof GraphQLInterfaceType face) {
          children =
              List.of(new Node("__typename", "__typename", face.getName(), List.of(), Map.of()));
          fragments = new LinkedHashMap<>();
          for (GraphQLObjectType implementation : schema.getImplementations(face)) {
            fragments.put(implementation.getName(), selection(implementation.getName(), depth - 1));
          }
        } else {
          children = selection(container.getName(), depth - 1);
        }
      }
      String key = random.nextInt(3) == 0 ? "a" + aliases++ : field.getName();
      nodes.add(new Node(key, field.getName(), typeName, children, fragments));
      if (random.nextInt(6) == 0) {
        nodes.add(new Node("dup" + aliases++, field.getName(), typeName, children, fragments));
      }
    }
    return nodes;
  }

  /** The nodes as GraphQL text; interface children go in inline fragments per implementation. */
  String render(List<Node> nodes) {
    var text = new StringBuilder("{ ");
    for (Node node : nodes) {
      text.append(wrap(field(node))).append(' ');
    }
    return text.append('}').toString();
  }

  private String field(Node node) {
    String head = node.key().equals(node.field()) ? node.field() : node.key() + ": " + node.field();
    if (node.children().isEmpty()) {
      return head;
    }
    var text = new StringBuilder(head).append(" { ");
    for (Node child : node.children()) {
      text.append(wrap(field(child))).append(' ');
    }
    node.fragments()
        .forEach(
            (type, selection) ->
                text.append("... on ")
                    .append(type)
                    .append(' ')
                    .append(render(selection))
                    .append(' '));
    return text.append('}').toString();
  }

  private String wrap(String field) {
    return switch (random.nextInt(8)) {
      case 0 -> "... { " + field + " }";
      case 1 -> field.replaceFirst("^([\\w: ]+?)( \\{|$)", "$1 @include(if: true)$2");
      case 2 -> field.replaceFirst("^([\\w: ]+?)( \\{|$)", "$1 @skip(if: false)$2");
      default -> field;
    };
  }
}
