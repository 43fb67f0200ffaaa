package nl.dossier.gateway;

import static nl.dossier.gateway.GatewayFixture.getPath;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.dossier.mocks.MockRegistry;
import nl.dossier.mocks.Persona;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OwnerDossierIT {
  static final String FULL_DOSSIER =
      """
      query Dossier {
        me {
          name
          linkedInstitutions { schacHomeOrganization preferred }
          diplomas {
            title code level achievedOn
            institution { code name }
            programme { code name learningPath }
            qualification { code title level coreTasks { code title workProcesses { code title } } }
            grades { subject finalGrade }
            provenance { source issuer retrievedAt verified }
          }
          certificates { title code institution { code name } qualification { title } provenance { source } }
          electives { code title result achievedOn elective { title studyLoad } institution { code name } provenance { source issuer verified } }
          examResults { subject finalGrade }
          internships { title startedOn endedOn hours company { id name recognitions { qualificationCode status } } provenance { source } }
          practicalStatements { title achievedOn company { name } workProcesses { code } provenance { source } }
          badges { id title kind ects eqfLevel issuerName assertionUrl alignments { framework targetCode } provenance { source issuer verified } }
          learningOutcomes { __typename title achievedOn provenance { source } }
        }
      }
      """;

  static GatewayFixture gateway;

  @BeforeAll
  static void start() {
    gateway = GatewayFixture.start(GatewayFixture::withoutReferenceCache);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @BeforeEach
  void reset() {
    gateway.mocks.resetRequests();
  }

  @Test
  void mariskaGetsHerDiplomaKeuzedeelAndMicrocredentialWithProvenance() {
    // when
    JsonObject answer = gateway.query(Persona.MARISKA, FULL_DOSSIER);
    // then
    assertThat(answer.getJsonArray("errors")).isNull();
    JsonObject me = answer.getJsonObject("data").getJsonObject("me");
    assertThat(me.getString("name")).isEqualTo("Mariska Jansen");

    JsonObject diploma = me.getJsonArray("diplomas").getJsonObject(0);
    assertThat(diploma.getString("code")).isEqualTo("25627");
    assertThat(diploma.getJsonObject("institution").getString("name"))
        .isEqualTo("ROC A Vakcollege");
    JsonObject qualification = diploma.getJsonObject("qualification");
    assertThat(qualification.getJsonArray("coreTasks")).isNotEmpty();
    assertThat(qualification.getJsonArray("coreTasks").getJsonObject(0).getString("code"))
        .matches("[BP]\\d-K\\d");
    assertThat(diploma.getString("title")).isEqualTo(qualification.getString("title")).isNotBlank();
    assertThat(diploma.getJsonObject("provenance").getString("source")).isEqualTo("DUO");
    assertThat(diploma.getJsonObject("provenance").getString("issuer")).isEqualTo("123A456");
    assertThat(diploma.getJsonObject("provenance").getBoolean("verified")).isTrue();
    assertThat(diploma.getJsonObject("provenance").getString("retrievedAt")).isNotBlank();

    JsonObject elective = find(me.getJsonArray("electives"), "code", "K1234");
    assertThat(elective.getString("title")).isEqualTo("Fietsreparatie");
    assertThat(elective.getString("result")).isEqualTo("BEHAALD");
    assertThat(elective.getJsonObject("provenance").getString("issuer")).isEqualTo("234A567");

    JsonObject badge = find(me.getJsonArray("badges"), "title", "Keuzedeel Fietsreparatie");
    assertThat(badge.getString("kind")).isEqualTo("MICRO_CREDENTIAL");
    assertThat(badge.getString("assertionUrl"))
        .isEqualTo(
            gateway.mocks.baseUrl(MockRegistry.EDUBADGES)
                + "/public/assertions/"
                + badge.getString("id"));
    assertThat(badge.getJsonObject("provenance").getString("source")).isEqualTo("EDUBADGES");
    assertThat(badge.getJsonObject("provenance").getString("issuer")).isEqualTo("roc-b.example.nl");
  }

  @Test
  void learningOutcomesListEverythingNewestFirst() {
    // when
    JsonObject me =
        gateway.query(Persona.MARISKA, FULL_DOSSIER).getJsonObject("data").getJsonObject("me");
    // then
    JsonArray outcomes = me.getJsonArray("learningOutcomes");
    int expected =
        me.getJsonArray("diplomas").size()
            + me.getJsonArray("certificates").size()
            + me.getJsonArray("electives").size()
            + me.getJsonArray("internships").size()
            + me.getJsonArray("practicalStatements").size()
            + me.getJsonArray("badges").size();
    assertThat(outcomes.size()).isEqualTo(expected);
    String previous = "9999-12-31";
    for (int i = 0; i < outcomes.size(); i++) {
      String date = outcomes.getJsonObject(i).getString("achievedOn");
      if (date == null) {
        continue;
      }
      assertThat(date).isLessThanOrEqualTo(previous);
      previous = date;
    }
    assertThat(outcomes.stream().map(o -> ((JsonObject) o).getString("__typename")))
        .contains("Diploma", "ElectiveResult", "Badge", "Internship");
  }

  @Test
  void eachPersonalRegistryIsCalledOncePerRequest() {
    // when
    gateway.query(Persona.PIETER, FULL_DOSSIER);
    // then
    assertThat(gateway.count(MockRegistry.EDUID, getPath("/myconext/api/eduid/links")))
        .isEqualTo(1);
    assertThat(gateway.count(MockRegistry.DUO, getPath("/duo/mijn-diplomas/v1/resultaten")))
        .isEqualTo(1);
    assertThat(gateway.count(MockRegistry.EDUBADGES, getPath("/mobile/api/badge-instances")))
        .isEqualTo(1);
    assertThat(gateway.count(MockRegistry.SBB, getPath("/sbb/v1/praktijkverklaringen")))
        .isEqualTo(1);
  }

  @Test
  void referenceDataIsRequestedOncePerDistinctCode() {
    // when
    JsonObject me =
        gateway.query(Persona.LARS, FULL_DOSSIER).getJsonObject("data").getJsonObject("me");
    // then every upstream URL of RIO and SBB was asked exactly once
    for (MockRegistry registry : Set.of(MockRegistry.RIO, MockRegistry.SBB)) {
      Map<String, Integer> perUrl = new HashMap<>();
      gateway.requests(registry).forEach(r -> perUrl.merge(r.getUrl(), 1, Integer::sum));
      assertThat(perUrl).isNotEmpty();
      assertThat(perUrl.values()).as("calls per URL at %s", registry).containsOnly(1);
    }
    // and the institutions asked of RIO are exactly the distinct codes in the dossier
    Set<String> codes = new HashSet<>();
    for (String list : List.of("diplomas", "certificates", "electives")) {
      me.getJsonArray(list)
          .forEach(r -> codes.add(((JsonObject) r).getJsonObject("institution").getString("code")));
    }
    Set<String> asked = new HashSet<>();
    gateway.requests(MockRegistry.RIO).stream()
        .map(r -> r.getUrl())
        .filter(url -> url.contains("/onderwijsaanbieders/"))
        .forEach(url -> asked.add(url.substring(url.lastIndexOf('/') + 1)));
    assertThat(asked).isEqualTo(codes);
    assertThat(me.getJsonArray("diplomas").size() + me.getJsonArray("certificates").size())
        .isGreaterThanOrEqualTo(10);
    assertThat(codes.size())
        .isLessThan(me.getJsonArray("diplomas").size() + me.getJsonArray("certificates").size());
    assertThat(me.getJsonArray("badges").size()).isEqualTo(50);
  }

  @Test
  void emptyDossierAnswersEmptyListsWithoutErrors() {
    // when
    JsonObject answer = gateway.query(Persona.EVA, FULL_DOSSIER);
    // then
    assertThat(answer.getJsonArray("errors")).isNull();
    JsonObject me = answer.getJsonObject("data").getJsonObject("me");
    assertThat(me.getJsonArray("diplomas")).isEmpty();
    assertThat(me.getJsonArray("badges")).isEmpty();
    assertThat(me.getJsonArray("learningOutcomes")).isEmpty();
  }

  @Test
  void publicLookupsResolveReferenceData() {
    // when
    JsonObject data =
        gateway
            .query(
                Persona.EVA,
                "{ institution(code: \"123A456\") { name } qualification(code: \"25627\") { title coreTasks { code } } unknown: institution(code: \"999A999\") { name } }")
            .getJsonObject("data");
    // then
    assertThat(data.getJsonObject("institution").getString("name")).isEqualTo("ROC A Vakcollege");
    assertThat(data.getJsonObject("qualification").getJsonArray("coreTasks")).isNotEmpty();
    assertThat(data.getValue("unknown")).isNull();
  }

  private static JsonObject find(JsonArray items, String key, String value) {
    for (int i = 0; i < items.size(); i++) {
      if (value.equals(items.getJsonObject(i).getString(key))) {
        return items.getJsonObject(i);
      }
    }
    throw new AssertionError("no item with " + key + "=" + value + " in " + items.encode());
  }
}
