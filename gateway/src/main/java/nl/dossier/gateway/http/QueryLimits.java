package nl.dossier.gateway.http;

import com.github.benmanes.caffeine.cache.Cache;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.schema.GraphQLSchema;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.Set;
import nl.dossier.connectors.Caches;
import nl.dossier.gateway.config.LimitsConfig;
import nl.dossier.gateway.error.DossierErrorType;
import nl.dossier.gateway.graphql.QueryCost;

/**
 * The checks on a document's text before anything runs: its size in tokens, its aliases and
 * directives, introspection when it is off, its depth and cost. Verdicts are cached per document
 * text (they never depend on the caller), so a repeated query is not analysed again.
 */
final class QueryLimits {
  private final LimitsConfig limits;
  private final GraphQLSchema schema;
  private final ParserOptions parserOptions;
  private final Cache<String, Verdict> verdicts = Caches.builder().maximumSize(2_000).build();

  QueryLimits(LimitsConfig limits, GraphQLSchema schema) {
    this.limits = limits;
    this.schema = schema;
    this.parserOptions =
        ParserOptions.getDefaultOperationParserOptions()
            .transform(o -> o.maxTokens(limits.maxTokens()));
  }

  /**
   * What a document is, as far as the limits go; syntax errors are left to graphql-java. It also
   * learns what requests of the document take, for {@link Admission}: two event loops may learn at
   * once, and losing one of their lessons is harmless.
   */
  static final class Verdict {
    private final Document document;
    private final int fields;
    private final DossierErrorType rejected;
    private final String message;
    private final int dossiers;
    private volatile int answered;
    private volatile int owners = -1;

    /**
     * @param dossiers the fields that read a person's dossier ({@code me}, {@code dossier}, {@code
     *     preview})
     */
    Verdict(
        Document document, int fields, int dossiers, DossierErrorType rejected, String message) {
      this.document = document;
      this.fields = fields;
      this.dossiers = dossiers;
      this.rejected = rejected;
      this.message = message;
    }

    DossierErrorType rejected() {
      return rejected;
    }

    String message() {
      return message;
    }

    /**
     * What a request of this document is expected to take: a moving average of what its requests
     * took lately. Fields never count less than the document's own (fragments expanded, lists
     * counted once), so that small answers to some callers cannot make a heavy query look cheap;
     * owners are the document's fields that read a dossier until the first request of it has ended.
     */
    Admission.Weight weight() {
      int read = owners;
      return new Admission.Weight(
          Math.max(1, Math.max(fields, answered)), read < 0 ? dossiers : read);
    }

    /** Learns from an answer to this document: how many fields it had, at any depth. */
    void answered(int count) {
      answered = average(answered, count);
    }

    /** Learns from a request of this document: whose registries it read. */
    void read(int count) {
      owners = average(owners, count);
    }

    /** A moving average that starts at the first value ({@code last} is not positive before). */
    private static int average(int last, int next) {
      return last <= 0 ? next : last + (next - last) / 4;
    }

    boolean hasMutation(String operationName) {
      if (document == null) {
        return false;
      }
      for (OperationDefinition operation :
          document.getDefinitionsOfType(OperationDefinition.class)) {
        boolean selected = operationName == null || operationName.equals(operation.getName());
        if (selected && operation.getOperation() != OperationDefinition.Operation.QUERY) {
          return true;
        }
      }
      return false;
    }
  }

  /** Checks the query; throws a 400 {@link BadRequestException} with a stable code. */
  Verdict check(String query) {
    Verdict verdict = verdicts.get(query, this::judge);
    if (verdict.rejected() != null) {
      throw new BadRequestException(400, verdict.rejected().name(), verdict.message());
    }
    return verdict;
  }

  private Verdict judge(String query) {
    Document document;
    try {
      document =
          Parser.parse(
              ParserEnvironment.newParserEnvironment()
                  .document(query)
                  .parserOptions(parserOptions)
                  .build());
    } catch (ParseCancelledException e) {
      return rejected(
          DossierErrorType.DOCUMENT_TOO_LARGE,
          "The document has more than " + limits.maxTokens() + " tokens");
    } catch (InvalidSyntaxException e) {
      return new Verdict(null, 0, 0, null, null);
    }
    var counter = new Counter();
    new NodeTraverser().preOrder(counter, document.getChildren());
    if (counter.aliases > limits.maxAliases()) {
      return rejected(
          DossierErrorType.TOO_MANY_ALIASES,
          "The document has more than " + limits.maxAliases() + " aliases");
    }
    if (counter.directives > limits.maxDirectives()) {
      return rejected(
          DossierErrorType.TOO_MANY_DIRECTIVES,
          "The document has more than " + limits.maxDirectives() + " directives");
    }
    if (!limits.introspection() && counter.introspection) {
      return rejected(DossierErrorType.INTROSPECTION_DISABLED, "Introspection is turned off");
    }
    QueryCost.Measure measure = QueryCost.measure(schema, document);
    if (measure.depth() > limits.maxDepth()) {
      return rejected(
          DossierErrorType.QUERY_TOO_DEEP,
          "The query is "
              + measure.depth()
              + " deep; at most "
              + limits.maxDepth()
              + " is allowed");
    }
    if (measure.cost() > limits.maxComplexity()) {
      return rejected(
          DossierErrorType.QUERY_TOO_COMPLEX,
          "The query costs "
              + measure.cost()
              + "; at most "
              + limits.maxComplexity()
              + " is allowed");
    }
    return new Verdict(document, measure.fields(), counter.dossiers, null, null);
  }

  private static Verdict rejected(DossierErrorType type, String message) {
    return new Verdict(null, 0, 0, type, message);
  }

  private static final class Counter extends NodeVisitorStub {
    private static final Set<String> DOSSIERS = Set.of("me", "dossier", "preview");
    int aliases;
    int directives;
    int dossiers;
    boolean introspection;

    @Override
    public TraversalControl visitField(Field node, TraverserContext<Node> context) {
      if (node.getAlias() != null) {
        aliases++;
      }
      if (DOSSIERS.contains(node.getName())) {
        dossiers++;
      }
      if (node.getName().equals("__schema") || node.getName().equals("__type")) {
        introspection = true;
      }
      return TraversalControl.CONTINUE;
    }

    @Override
    public TraversalControl visitDirective(Directive node, TraverserContext<Node> context) {
      directives++;
      return TraversalControl.CONTINUE;
    }
  }
}
