package nl.dossier.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.GraphQL;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordFetcherTest {
  /** Private, with a component of each kind the answers have: an object, an int and a boolean. */
  private record Internship(String company, int hours, boolean verified) {}

  private static final GraphQL GRAPHQL =
      GraphQL.newGraphQL(
              new SchemaGenerator()
                  .makeExecutableSchema(
                      new SchemaParser()
                          .parse(
                              """
                              type Query { internships: [Internship] }
                              type Internship { company: String hours: Int verified: Boolean }
                              """),
                      RuntimeWiring.newRuntimeWiring()
                          .wiringFactory(RecordFetcher.WIRING)
                          .type(
                              "Query",
                              query ->
                                  query.dataFetcher(
                                      "internships",
                                      env ->
                                          List.of(
                                              new Internship("Bakkerij Jansen", 1600, true),
                                              Map.of(
                                                  "company",
                                                  "Garage Smit",
                                                  "hours",
                                                  800,
                                                  "verified",
                                                  false))))
                          .build()))
          .build();

  @Test
  void readsTheComponentsOfARecordAndThePropertiesOfAnythingElse() {
    var result = GRAPHQL.execute("{ internships { company hours verified } }");

    assertThat(result.getErrors()).isEmpty();
    assertThat(result.<Map<String, Object>>getData())
        .isEqualTo(
            Map.of(
                "internships",
                List.of(
                    Map.of("company", "Bakkerij Jansen", "hours", 1600, "verified", true),
                    Map.of("company", "Garage Smit", "hours", 800, "verified", false))));
  }

  @Test
  void aPrivateRecordsAccessorsAreFunctions() throws Exception {
    var record = new Internship("Bakkerij Jansen", 1600, true);

    for (var component : Internship.class.getRecordComponents()) {
      assertThat(RecordFetcher.accessor(Internship.class, component).apply(record))
          .isEqualTo(component.getAccessor().invoke(record));
    }
  }
}
