package nl.dossier.gateway;

import static nl.dossier.gateway.GatewayFixture.getPath;
import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import nl.dossier.gateway.graphql.GraphQLFactory;
import nl.dossier.gateway.policy.SharingCatalog;
import nl.dossier.mocks.MockRegistries;
import nl.dossier.mocks.MockRegistry;
import nl.dossier.mocks.Persona;
import nl.dossier.schema.SchemaFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * For many random grants and many generated queries, a party's answer never holds a value of a
 * coordinate outside its grant, every value it does hold equals the owner's, and registries whose
 * data the grant does not cover see no call.
 */
class LeakIT {
  static final int GRANTS = 25;
  static final int QUERIES_PER_GRANT = 2;
  static final List<Persona> OWNERS = List.of(Persona.MARISKA, Persona.PIETER, Persona.MOHAMED);
  static final Set<String> DUO_EDGES =
      Set.of(
          "Person.diplomas",
          "Person.certificates",
          "Person.electives",
          "Person.examResults",
          "Person.internships");

  static GatewayFixture gateway;
  static GraphQLSchema schema;
  static SharingCatalog catalog;

  @BeforeAll
  static void start() {
    gateway =
        GatewayFixture.start(
            config ->
                config.put(
                    "limits",
                    new JsonObject()
                        .put("maxAliases", 100_000)
                        .put("maxDirectives", 100_000)
                        .put("maxTokens", 1_000_000)
                        .put("maxComplexity", 100_000_000)));
    schema =
        UnExecutableSchemaGenerator.makeUnExecutableSchema(
            new SchemaParser().parse(SchemaFiles.sdl()));
    catalog = GraphQLFactory.catalog();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void randomGrantsNeverLeakAnythingOutsideTheGrant() {
    Random random = new Random(20261123L);
    List<String> all = new ArrayList<>(new TreeSet<>(catalog.coordinates()));
    for (int g = 0; g < GRANTS; g++) {
      // given a random grant
      Persona owner = OWNERS.get(g % OWNERS.size());
      Set<String> granted = randomSubset(all, random);
      String purpose = "purpose-" + g;
      String share =
          SharingTestSupport.share(
              gateway, owner, MockRegistries.COACH_CLIENT_ID, purpose, granted);
      for (int q = 0; q < QUERIES_PER_GRANT; q++) {
        // when the party asks a generated query, and the owner the same one
        var generator = new QueryGenerator(schema, random);
        List<QueryGenerator.Node> selection = generator.selection("Person", 4);
        String body = generator.render(selection);
        gateway.mocks.resetRequests();
        JsonObject party =
            gateway.query(
                "Bearer " + gateway.mocks.clientToken(MockRegistries.COACH_CLIENT_ID),
                "query Q($id: ID!, $p: String!) { d: dossier(shareId: $id, purpose: $p) "
                    + body
                    + " }",
                Map.of("id", share, "p", purpose));
        assertRegistriesWithinGrant(granted, body);
        JsonObject mine = gateway.query(owner, "{ d: me " + body + " }");
        // then
        JsonObject seen = party.getJsonObject("data").getJsonObject("d");
        assertThat(seen).as("dossier under %s", granted).isNotNull();
        compare(
            seen, mine.getJsonObject("data").getJsonObject("d"), "Person", selection, granted, "d");
      }
    }
  }

  private static void compare(
      JsonObject seen,
      JsonObject mine,
      String type,
      List<QueryGenerator.Node> nodes,
      Set<String> granted,
      String path) {
    for (QueryGenerator.Node node : nodes) {
      String coordinate = type + "." + node.field();
      Object value = seen.getValue(node.key());
      String at = path + "." + node.key();
      if (catalog.coordinates().contains(coordinate) && !granted.contains(coordinate)) {
        assertThat(value).as("%s (%s) is not granted", at, coordinate).isNull();
        continue;
      }
      Object own = mine == null ? null : mine.getValue(node.key());
      if (value == null || node.field().equals("retrievedAt")) {
        continue;
      }
      if (value instanceof JsonArray list) {
        JsonArray ownList = own instanceof JsonArray o && o.size() == list.size() ? o : null;
        for (int i = 0; i < list.size(); i++) {
          compareValue(
              list.getValue(i),
              ownList == null ? null : ownList.getValue(i),
              node,
              granted,
              at + "[" + i + "]");
        }
      } else {
        compareValue(value, own, node, granted, at);
      }
    }
  }

  private static void compareValue(
      Object value, Object own, QueryGenerator.Node node, Set<String> granted, String at) {
    if (value instanceof JsonObject object) {
      String concrete = object.getString("__typename");
      List<QueryGenerator.Node> nodes = new ArrayList<>(node.children());
      nodes.addAll(node.fragments().getOrDefault(concrete, List.of()));
      compare(object, own instanceof JsonObject o ? o : null, concrete, nodes, granted, at);
    } else if (own != null) {
      assertThat(value).as("%s equals the owner's value", at).isEqualTo(own);
    }
  }

  private static void assertRegistriesWithinGrant(Set<String> granted, String query) {
    boolean outcomes = granted.contains("Person.learningOutcomes");
    boolean duo =
        DUO_EDGES.stream().anyMatch(granted::contains)
            || outcomes
                && anyOf(granted, "Diploma", "MboCertificate", "ElectiveResult", "Internship");
    boolean badges = granted.contains("Person.badges") || outcomes && anyOf(granted, "Badge");
    boolean statements =
        granted.contains("Person.practicalStatements")
            || outcomes && anyOf(granted, "PracticalStatement");
    boolean links =
        statements
            || granted.contains("Person.name")
            || granted.contains("Person.linkedInstitutions");
    if (!duo) {
      assertThat(gateway.count(MockRegistry.DUO, getPath("/duo/mijn-diplomas/v1/resultaten")))
          .as("DUO under %s", granted)
          .isZero();
    }
    if (!badges) {
      assertThat(gateway.count(MockRegistry.EDUBADGES, getPath("/mobile/api/badge-instances")))
          .as("Edubadges under %s", granted)
          .isZero();
    }
    if (!statements) {
      assertThat(gateway.count(MockRegistry.SBB, getPath("/sbb/v1/praktijkverklaringen")))
          .as("SBB under %s", granted)
          .isZero();
    }
    if (!links) {
      assertThat(gateway.count(MockRegistry.EDUID, getPath("/myconext/api/eduid/links")))
          .as("eduID under %s", granted)
          .isZero();
    }
  }

  private static boolean anyOf(Set<String> granted, String... types) {
    for (String type : types) {
      if (catalog.coordinatesOf(type).stream().anyMatch(granted::contains)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> randomSubset(List<String> all, Random random) {
    double share = 0.15 + random.nextDouble() * 0.5;
    Set<String> subset = new TreeSet<>();
    for (String coordinate : all) {
      double chance = coordinate.startsWith("Person.") ? 0.5 : share;
      if (random.nextDouble() < chance) {
        subset.add(coordinate);
      }
    }
    if (subset.isEmpty()) {
      subset.add(all.get(random.nextInt(all.size())));
    }
    return subset;
  }
}
