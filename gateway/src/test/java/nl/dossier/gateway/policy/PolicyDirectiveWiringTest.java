package nl.dossier.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionStrategy;
import graphql.execution.SimpleDataFetcherExceptionHandler;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeRuntimeWiring;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The guard of a personal field decides by the access of the dossier the field is read in, also
 * when two dossiers under different grants share their records, as one owner's dossier read twice
 * in one request does. Under the gateway's strategy the guard reads that access without an
 * environment; under any other it reads the environment: both must decide alike.
 */
class PolicyDirectiveWiringTest {
  static final String SDL =
      """
      directive @personal(group: String!) on FIELD_DEFINITION
      type Query { dossier(grant: String!): Person }
      type Person { diplomas: [Diploma!] @personal(group: "diplomas") }
      type Diploma { code: String @personal(group: "diplomas") level: String @personal(group: "grades") }
      """;
  static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
  static final Grant CODES = grant("codes", "Person.diplomas", "Diploma.code");
  static final Grant LEVELS = grant("levels", "Person.diplomas", "Diploma.level");

  /** One owner's records: the same objects under both grants. */
  record Person(List<Diploma> diplomas) {}

  record Diploma(String code, String level) {}

  static final Person MOHAMED = new Person(List.of(new Diploma("25168", "MBO-4")));

  @Test
  void underTheGatewaysStrategyEachDossierIsDecidedByItsOwnGrant() {
    assertEachDossierIsDecidedByItsOwnGrant(
        new GuardedExecutionStrategy(new SimpleDataFetcherExceptionHandler()));
  }

  @Test
  void underAnotherStrategyTheGuardReadsTheEnvironmentAndDecidesAlike() {
    assertEachDossierIsDecidedByItsOwnGrant(new AsyncExecutionStrategy());
  }

  private static void assertEachDossierIsDecidedByItsOwnGrant(ExecutionStrategy strategy) {
    var log = new DisclosureLog("hbo-intake");

    ExecutionResult result =
        graphQL(strategy)
            .execute(
                ExecutionInput.newExecutionInput(
                        "{ a: dossier(grant: \"codes\") { diplomas { code level } }"
                            + " b: dossier(grant: \"levels\") { diplomas { code level } } }")
                    .graphQLContext(Map.of(DisclosureLog.class, log)));

    Map<String, Map<String, List<Map<String, Object>>>> data = result.getData();
    assertThat(data.get("a").get("diplomas"))
        .containsExactly(mapOf("code", "25168", "level", null));
    assertThat(data.get("b").get("diplomas"))
        .containsExactly(mapOf("code", null, "level", "MBO-4"));
    assertThat(result.getErrors())
        .extracting(error -> error.getPath().toString())
        .containsExactlyInAnyOrder("[a, diplomas, 0, level]", "[b, diplomas, 0, code]");
    assertThat(
            log.entries(NOW).stream()
                .collect(Collectors.toMap(Disclosure::grantId, Disclosure::coordinates)))
        .isEqualTo(
            Map.of(
                "codes", Set.of("Person.diplomas", "Diploma.code"),
                "levels", Set.of("Person.diplomas", "Diploma.level")));
  }

  private static GraphQL graphQL(ExecutionStrategy strategy) {
    var wiring =
        RuntimeWiring.newRuntimeWiring()
            .directive(
                PolicyDirectiveWiring.DIRECTIVE, new PolicyDirectiveWiring(new GrantPolicyEngine()))
            .type(
                TypeRuntimeWiring.newTypeWiring("Query")
                    .dataFetcher(
                        "dossier",
                        env ->
                            DataFetcherResult.newResult()
                                .data(MOHAMED)
                                .localContext(
                                    new Access.GrantAccess(
                                        env.getArgument("grant").equals("codes") ? CODES : LEVELS,
                                        "admission",
                                        NOW))
                                .build()))
            .build();
    var schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
    return GraphQL.newGraphQL(schema).queryExecutionStrategy(strategy).build();
  }

  private static Grant grant(String id, String... fields) {
    return new Grant(
        id,
        "mohamed",
        "hbo-intake",
        Set.of(fields),
        "admission",
        NOW.minusSeconds(60),
        NOW.plusSeconds(3600),
        null);
  }

  private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
    var map = new LinkedHashMap<String, Object>();
    map.put(k1, v1);
    map.put(k2, v2);
    return map;
  }
}
