package nl.dossier.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static nl.dossier.gateway.GatewayFixture.getPath;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.dossier.mocks.MockRegistries;
import nl.dossier.mocks.MockRegistry;
import nl.dossier.mocks.Persona;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SharingIT {
  static final String CREATE =
      """
      mutation Create($input: CreateShareInput!) {
        createShare(input: $input) { linkToken share { id party link fields purpose expiresAt active } }
      }
      """;
  static final String READ =
      """
      query Read($id: ID!, $purpose: String!) {
        dossier(shareId: $id, purpose: $purpose) {
          name
          diplomas { title level institution { name } grades { subject finalGrade } provenance { source verified } }
          electives { code title result }
          internships { title company { name } }
          practicalStatements { title }
          badges { title kind }
        }
      }
      """;

  static GatewayFixture gateway;

  @BeforeAll
  static void start() {
    gateway = GatewayFixture.start();
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
  void mohamedSharesDiplomaGradesAndKeuzedelenWithTheHboIntakeAndNothingElse() {
    // given
    String share =
        create(
            Persona.MOHAMED,
            party(MockRegistries.INTAKE_CLIENT_ID, "admission", "diplomas", "grades", "electives"));
    gateway.mocks.resetRequests();
    // when
    JsonObject answer = read(MockRegistries.INTAKE_CLIENT_ID, share, "admission");
    // then
    JsonObject dossier = answer.getJsonObject("data").getJsonObject("dossier");
    JsonObject diploma = dossier.getJsonArray("diplomas").getJsonObject(0);
    assertThat(diploma.getString("level")).isEqualTo("MBO-4");
    assertThat(diploma.getJsonObject("institution").getString("name"))
        .isEqualTo("ROC A Vakcollege");
    assertThat(diploma.getJsonArray("grades")).isNotEmpty();
    assertThat(diploma.getJsonObject("provenance").getString("source")).isEqualTo("DUO");
    assertThat(dossier.getJsonArray("electives"))
        .extracting(e -> ((JsonObject) e).getString("code"))
        .contains("K0721", "K0080");
    assertThat(dossier.getValue("name")).isNull();
    assertThat(dossier.getValue("internships")).isNull();
    assertThat(dossier.getValue("badges")).isNull();
    assertThat(dossier.getValue("practicalStatements")).isNull();
    assertThat(withheldPaths(answer))
        .containsExactlyInAnyOrder(
            "dossier.name", "dossier.internships", "dossier.practicalStatements", "dossier.badges");
    // and the registries holding nothing that was shared were not asked
    assertThat(gateway.requests(MockRegistry.EDUBADGES)).isEmpty();
    assertThat(gateway.count(MockRegistry.EDUID, getPath("/myconext/api/eduid/links"))).isZero();
    assertThat(gateway.count(MockRegistry.SBB, getPath("/sbb/v1/praktijkverklaringen"))).isZero();
    assertThat(gateway.count(MockRegistry.DUO, getPath("/duo/mijn-diplomas/v1/resultaten")))
        .isEqualTo(1);
  }

  @Test
  void repeatedReadsReuseTheExchangedRegistryTokens() {
    // given
    String share =
        create(
            Persona.MOHAMED,
            party(MockRegistries.INTAKE_CLIENT_ID, "admission", "diplomas", "identity"));
    read(MockRegistries.INTAKE_CLIENT_ID, share, "admission");
    gateway.mocks.resetRequests();
    // when
    read(MockRegistries.INTAKE_CLIENT_ID, share, "admission");
    // then
    assertThat(gateway.count(MockRegistry.EDUID, postRequestedFor(urlPathEqualTo("/oidc/token"))))
        .isZero();
    assertThat(gateway.count(MockRegistry.DUO, getPath("/duo/mijn-diplomas/v1/resultaten")))
        .isEqualTo(1);
  }

  @Test
  void anotherPurposeIsDeniedWithoutAnyRegistryCall() {
    // given
    String share =
        create(Persona.MOHAMED, party(MockRegistries.INTAKE_CLIENT_ID, "admission", "diplomas"));
    gateway.mocks.resetRequests();
    // when
    JsonObject answer = read(MockRegistries.INTAKE_CLIENT_ID, share, "recruitment");
    // then
    assertThat(answer.getJsonObject("data").getValue("dossier")).isNull();
    assertThat(code(answer)).isEqualTo("WITHHELD");
    assertNoRegistryCalled();
  }

  @Test
  void aDeclaredPurposeIsLoggedTrimmedAndShortenedAndNeverFailsTheRead() {
    // given
    String share =
        create(Persona.MOHAMED, party(MockRegistries.INTAKE_CLIENT_ID, "admission", "diplomas"));
    // when the party declares the purpose padded with spaces, one of 5,000 characters, one whose
    // 200th character is an emoji, and the purpose in other case
    JsonObject padded =
        read(MockRegistries.INTAKE_CLIENT_ID, share, "admission" + " ".repeat(2000));
    JsonObject tooLong = read(MockRegistries.INTAKE_CLIENT_ID, share, "x".repeat(5000));
    read(MockRegistries.INTAKE_CLIENT_ID, share, "x".repeat(198) + "\uD83D\uDE00".repeat(100));
    JsonObject otherCase = read(MockRegistries.INTAKE_CLIENT_ID, share, "Admission");
    // then the padded and the other-case ones are read (purposes match without surrounding space
    // and case), the long ones are withheld
    assertThat(
            padded
                .getJsonObject("data")
                .getJsonObject("dossier")
                .getJsonArray("diplomas")
                .getJsonObject(0)
                .getString("title"))
        .as(padded.encode())
        .isEqualTo("Expert IT systems and devices");
    assertThat(code(tooLong)).isEqualTo("WITHHELD");
    assertThat(otherCase.getJsonObject("data").getJsonObject("dossier").getJsonArray("diplomas"))
        .as("a purpose in other case is the same purpose")
        .hasSize(1);
    // and the owner's log shows them all, each purpose trimmed and at most 200 characters long,
    // cut before a character rather than inside one
    JsonArray entries =
        disclosures(
                Persona.MOHAMED,
                "query($f: DisclosureFilter) { disclosures(filter: $f) { entries { purpose denied } } }",
                Map.of("f", Map.of("shareId", share)))
            .getJsonArray("entries");
    assertThat(
            entries.stream()
                .map(JsonObject.class::cast)
                .collect(
                    Collectors.toMap(e -> e.getString("purpose"), e -> e.getBoolean("denied"))))
        .isEqualTo(
            Map.of(
                "admission",
                false,
                "Admission",
                false,
                "x".repeat(199) + "…",
                true,
                "x".repeat(198) + "…",
                true));
  }

  @Test
  void anotherPartyCannotReadTheShare() {
    // given
    String share =
        create(Persona.MOHAMED, party(MockRegistries.INTAKE_CLIENT_ID, "admission", "diplomas"));
    gateway.mocks.resetRequests();
    // when
    JsonObject answer = read(MockRegistries.EMPLOYER_CLIENT_ID, share, "admission");
    // then
    assertThat(answer.getJsonObject("data").getValue("dossier")).isNull();
    assertNoRegistryCalled();
  }

  @Test
  void pieterSharesInternshipsAndBadgesWithAnEmployer() {
    // given
    String share =
        create(
            Persona.PIETER,
            party(MockRegistries.EMPLOYER_CLIENT_ID, "bpv-application", "internships", "badges"));
    // when
    JsonObject dossier =
        read(MockRegistries.EMPLOYER_CLIENT_ID, share, "bpv-application")
            .getJsonObject("data")
            .getJsonObject("dossier");
    // then
    assertThat(dossier.getJsonArray("internships")).hasSize(2);
    assertThat(
            dossier
                .getJsonArray("internships")
                .getJsonObject(0)
                .getJsonObject("company")
                .getString("name"))
        .isNotBlank();
    assertThat(dossier.getJsonArray("practicalStatements")).hasSize(1);
    assertThat(dossier.getJsonArray("badges"))
        .extracting(b -> ((JsonObject) b).getString("kind"))
        .contains("EXTRA_CURRICULAR");
    assertThat(dossier.getValue("diplomas")).isNull();
    assertThat(dossier.getValue("electives")).isNull();
  }

  @Test
  void partyListsWhatIsSharedWithIt() {
    // given
    String share =
        create(
            Persona.MOHAMED,
            party(MockRegistries.COACH_CLIENT_ID, "coaching", "identity", "badges"));
    // when
    JsonArray shared =
        gateway
            .query(
                bearer(MockRegistries.COACH_CLIENT_ID),
                "{ sharedWithMe { shareId ownerName purpose expiresAt } }",
                Map.of())
            .getJsonObject("data")
            .getJsonArray("sharedWithMe");
    // then
    JsonObject entry =
        shared.stream()
            .map(JsonObject.class::cast)
            .filter(e -> e.getString("shareId").equals(share))
            .findFirst()
            .orElseThrow();
    assertThat(entry.getString("ownerName")).isEqualTo("Mohamed El Amrani");
    assertThat(entry.getString("purpose")).isEqualTo("coaching");
  }

  @Test
  void mariskaSharesHerKeuzedeelThroughALinkThatExpires() throws Exception {
    // given
    JsonObject input =
        new JsonObject()
            .put("link", true)
            .put(
                "fields",
                new JsonArray(
                    List.of(
                        "Person.electives",
                        "ElectiveResult.title",
                        "ElectiveResult.result",
                        "ElectiveResult.provenance")))
            .put("purpose", "doorstroom")
            .put("expiresAt", Instant.now().plusSeconds(3).toString());
    JsonObject created = createdShare(Persona.MARISKA, input);
    String link = created.getString("linkToken");
    String share = created.getJsonObject("share").getString("id");
    assertThat(link).isNotBlank();
    // when the link is used before it expires
    JsonObject before =
        gateway.query("Bearer " + link, READ, Map.of("id", share, "purpose", "doorstroom"));
    // then
    JsonArray electives =
        before.getJsonObject("data").getJsonObject("dossier").getJsonArray("electives");
    assertThat(electives.getJsonObject(0).getString("title")).isEqualTo("Fietsreparatie");
    assertThat(electives.getJsonObject(0).getValue("code")).isNull();
    // when it is used after
    Thread.sleep(3500);
    var after = gateway.post("Bearer " + link, READ, Map.of("id", share, "purpose", "doorstroom"));
    // then
    assertThat(after.status()).isEqualTo(401);
  }

  @Test
  void aPartyPullsAHundredSharedProfilesInOneQueryWithinTheDefaultLimits() {
    // given
    List<String> shares =
        sharesInTurn(
            100,
            party(MockRegistries.EMPLOYER_CLIENT_ID, "hiring", "diplomas", "badges", "identity"));
    var query = new StringBuilder("{");
    for (int i = 0; i < shares.size(); i++) {
      query
          .append(" p")
          .append(i)
          .append(": dossier(shareId: \"")
          .append(shares.get(i))
          .append(
              "\", purpose: \"hiring\") { name diplomas { title level institution { name } provenance { source verified } } badges { title kind } }");
    }
    query.append(" }");
    // when
    JsonObject answer =
        gateway.query(bearer(MockRegistries.EMPLOYER_CLIENT_ID), query.toString(), Map.of());
    // then
    assertThat(answer.getJsonArray("errors")).as(answer.encode().substring(0, 300)).isNull();
    JsonObject data = answer.getJsonObject("data");
    assertThat(data.fieldNames()).hasSize(100);
    assertThat(data.getJsonObject("p3").getJsonArray("diplomas")).hasSizeGreaterThanOrEqualTo(6);
    assertThat(data.getJsonObject("p2").getString("name")).isEqualTo("Mohamed El Amrani");
  }

  @Test
  void theSharesOfOneQueryAreReadInOneStatementAndEachIsLogged() throws Exception {
    // given twenty shares of four owners, and an alias naming no share
    List<String> shares =
        sharesInTurn(20, party(MockRegistries.INTAKE_CLIENT_ID, "batch-check", "diplomas"));
    var query =
        new StringBuilder(
            "{ none: dossier(shareId: \"no-such-share\", purpose: \"x\") { diplomas { code } }");
    for (int i = 0; i < shares.size(); i++) {
      query.append(" p").append(i).append(": dossier(shareId: \"").append(shares.get(i));
      query.append("\", purpose: \"batch-check\") { diplomas { code } }");
    }
    query.append(" }");
    try (Connection store = DriverManager.getConnection(gateway.storeUrl, "dossier", "");
        Statement sql = store.createStatement()) {
      sql.execute("SET QUERY_STATISTICS TRUE");
      try {
        // when
        JsonObject answer =
            gateway.query(bearer(MockRegistries.INTAKE_CLIENT_ID), query.toString(), Map.of());
        // then every share is read, the unknown one withheld
        assertThat(answer.getJsonObject("data").getJsonObject("p7").getJsonArray("diplomas"))
            .isNotEmpty();
        assertThat(answer.getJsonObject("data").getValue("none")).isNull();
        assertThat(answer.getJsonArray("errors")).hasSize(1);
        // and the grants were looked up by one statement, executed once, with all 21 ids
        assertThat(grantLookups(sql)).isEqualTo(1);
      } finally {
        sql.execute("SET QUERY_STATISTICS FALSE");
      }
    }
    // and each owner's log holds one entry per share of theirs
    for (Persona owner : FOUR_OWNERS) {
      JsonArray entries =
          disclosures(
                  owner,
                  "query($f: DisclosureFilter) { disclosures(filter: $f, first: 100) { entries { shareId purpose coordinates } } }",
                  Map.of("f", Map.of("party", MockRegistries.INTAKE_CLIENT_ID)))
              .getJsonArray("entries");
      var logged =
          entries.stream()
              .map(JsonObject.class::cast)
              .filter(entry -> entry.getString("purpose").equals("batch-check"))
              .map(entry -> entry.getString("shareId"))
              .toList();
      var own = new ArrayList<String>();
      for (int i = FOUR_OWNERS.indexOf(owner); i < shares.size(); i += FOUR_OWNERS.size()) {
        own.add(shares.get(i));
      }
      assertThat(logged).containsExactlyInAnyOrderElementsOf(own);
    }
  }

  @Test
  void revocationAppliesOnTheNextRequest() {
    // given
    String share = admissionShareJustRead();
    // when
    JsonObject revoked =
        owner(
            Persona.MOHAMED,
            "mutation($id: ID!) { revokeShare(id: $id) { active revokedAt } }",
            Map.of("id", share));
    gateway.mocks.resetRequests();
    // then
    assertThat(revoked.getJsonObject("data").getJsonObject("revokeShare").getBoolean("active"))
        .isFalse();
    assertThat(dossier(MockRegistries.INTAKE_CLIENT_ID, share, "admission")).isNull();
    assertNoRegistryCalled();
  }

  @Test
  void aShareReadAgainWithinASecondIsNotReadFromTheStoreAgain() throws Exception {
    // given
    String share =
        create(Persona.PIETER, party(MockRegistries.EMPLOYER_CLIENT_ID, "cache-check", "badges"));
    try (Connection store = DriverManager.getConnection(gateway.storeUrl, "dossier", "");
        Statement sql = store.createStatement()) {
      sql.execute("SET QUERY_STATISTICS TRUE");
      try {
        // when it is read twice in a row, and a share that does not exist twice
        for (int i = 0; i < 2; i++) {
          assertThat(dossier(MockRegistries.EMPLOYER_CLIENT_ID, share, "cache-check")).isNotNull();
          assertThat(code(read(MockRegistries.EMPLOYER_CLIENT_ID, "no-such-share", "x")))
              .isEqualTo("WITHHELD");
        }
        // then the share was read from the store once, the unknown id each time
        assertThat(grantLookups(sql)).isEqualTo(3);
      } finally {
        sql.execute("SET QUERY_STATISTICS FALSE");
      }
    }
  }

  @Test
  void aRevocationByAnotherGatewayInstanceAppliesWithinASecond() throws Exception {
    // given a share that was just read
    String share = admissionShareJustRead();
    // when another instance on the same store revokes it
    revokeInTheStore(share);
    Thread.sleep(1_100);
    gateway.mocks.resetRequests();
    // then
    assertThat(dossier(MockRegistries.INTAKE_CLIENT_ID, share, "admission")).isNull();
    assertNoRegistryCalled();
  }

  @Test
  void aChangeBuildsOnTheStoredGrantNotOnTheKeptCopy() throws Exception {
    // given a share that was just read, so that its grant is kept
    String share = admissionShareJustRead();
    // and another instance on the same store that revoked it
    revokeInTheStore(share);
    // when the owner changes its fields here at once
    JsonObject changed =
        owner(
            Persona.MOHAMED,
            "mutation($id: ID!, $input: UpdateShareInput!) { updateShare(id: $id, input: $input) { fields } }",
            Map.of("id", share, "input", Map.of("fields", List.of("electives"))));
    // then the change is refused, and does not undo the revocation
    assertThat(changed.getJsonArray("errors")).as(changed.encode()).isNotNull();
    assertThat(code(changed)).isEqualTo("INVALID_SHARE");
    Thread.sleep(1_100);
    assertThat(dossier(MockRegistries.INTAKE_CLIENT_ID, share, "admission")).isNull();
  }

  /** Mohamed's diplomas shared with the intake party for admission, and read by it once. */
  private static String admissionShareJustRead() {
    String share =
        create(Persona.MOHAMED, party(MockRegistries.INTAKE_CLIENT_ID, "admission", "diplomas"));
    assertThat(dossier(MockRegistries.INTAKE_CLIENT_ID, share, "admission")).isNotNull();
    return share;
  }

  /** Revokes a share straight in the store, as another gateway instance on it would. */
  private static void revokeInTheStore(String share) throws Exception {
    try (Connection store = DriverManager.getConnection(gateway.storeUrl, "dossier", "");
        PreparedStatement revoke =
            store.prepareStatement(
                "UPDATE grants SET revoked_at = CURRENT_TIMESTAMP WHERE id = ?")) {
      revoke.setString(1, share);
      assertThat(revoke.executeUpdate()).isEqualTo(1);
    }
  }

  @Test
  void changingTheFieldsAppliesOnTheNextRequest() {
    // given
    String share =
        create(Persona.MOHAMED, party(MockRegistries.INTAKE_CLIENT_ID, "admission", "diplomas"));
    assertThat(
            read(MockRegistries.INTAKE_CLIENT_ID, share, "admission")
                .getJsonObject("data")
                .getJsonObject("dossier")
                .getJsonArray("diplomas"))
        .isNotEmpty();
    // when
    owner(
        Persona.MOHAMED,
        "mutation($id: ID!, $input: UpdateShareInput!) { updateShare(id: $id, input: $input) { fields } }",
        Map.of("id", share, "input", Map.of("fields", List.of("electives"))));
    JsonObject dossier =
        read(MockRegistries.INTAKE_CLIENT_ID, share, "admission")
            .getJsonObject("data")
            .getJsonObject("dossier");
    // then
    assertThat(dossier.getValue("diplomas")).isNull();
    assertThat(dossier.getJsonArray("electives")).isNotEmpty();
  }

  @Test
  void previewShowsExactlyWhatTheAudienceSees() {
    // given
    String share =
        create(
            Persona.MOHAMED,
            party(MockRegistries.INTAKE_CLIENT_ID, "admission", "diplomas", "electives"));
    String selection =
        READ.substring(
            READ.indexOf("dossier(shareId: $id, purpose: $purpose)")
                + "dossier(shareId: $id, purpose: $purpose)".length(),
            READ.lastIndexOf('}'));
    // when
    JsonObject preview =
        owner(
            Persona.MOHAMED,
            "query($id: ID!) { preview(shareId: $id) " + selection + "}",
            Map.of("id", share));
    JsonObject seen = read(MockRegistries.INTAKE_CLIENT_ID, share, "admission");
    // then
    assertThat(preview.getJsonObject("data").getJsonObject("preview").encode())
        .isEqualTo(seen.getJsonObject("data").getJsonObject("dossier").encode());
  }

  @Test
  void ownerReadsWhoSawWhatInTheDisclosureLog() {
    // given
    String share =
        create(
            Persona.MOHAMED,
            party(MockRegistries.INTAKE_CLIENT_ID, "admission", "diplomas", "grades"));
    read(MockRegistries.INTAKE_CLIENT_ID, share, "admission");
    read(MockRegistries.INTAKE_CLIENT_ID, share, "admission");
    // when
    JsonObject page =
        disclosures(
            Persona.MOHAMED,
            "query($f: DisclosureFilter) { disclosures(filter: $f, first: 1) { nextCursor entries { at shareId party purpose coordinates denied } } }",
            Map.of("f", Map.of("shareId", share)));
    // then
    JsonObject entry = page.getJsonArray("entries").getJsonObject(0);
    assertThat(entry.getString("party")).isEqualTo(MockRegistries.INTAKE_CLIENT_ID);
    assertThat(entry.getString("purpose")).isEqualTo("admission");
    assertThat(entry.getBoolean("denied")).isFalse();
    assertThat(entry.getJsonArray("coordinates").getList())
        .contains("Person.diplomas", "Diploma.grades", "ExamGrade.finalGrade")
        .doesNotContain("Person.name", "Person.badges");
    assertThat(page.getString("nextCursor")).isNotNull();
    JsonObject next =
        disclosures(
            Persona.MOHAMED,
            "query($f: DisclosureFilter, $after: String) { disclosures(filter: $f, first: 1, after: $after) { nextCursor entries { shareId } } }",
            Map.of("f", Map.of("shareId", share), "after", page.getString("nextCursor")));
    assertThat(next.getJsonArray("entries")).hasSize(1);
    assertThat(next.getValue("nextCursor")).isNull();
    // and a time filter narrows it
    JsonObject later =
        disclosures(
            Persona.MOHAMED,
            "query($f: DisclosureFilter) { disclosures(filter: $f) { entries { shareId } } }",
            Map.of(
                "f", Map.of("shareId", share, "from", Instant.now().plusSeconds(60).toString())));
    assertThat(later.getJsonArray("entries")).isEmpty();
    // and another owner sees none of it
    JsonArray others =
        disclosures(Persona.MARISKA, "{ disclosures { entries { shareId } } }", Map.of())
            .getJsonArray("entries");
    assertThat(others.stream().map(e -> ((JsonObject) e).getString("shareId")))
        .doesNotContain(share);
  }

  @Test
  void introspectionByAPartyShowsTheSchemaAndNoData() {
    // given
    create(Persona.MOHAMED, party(MockRegistries.INTAKE_CLIENT_ID, "admission", "diplomas"));
    gateway.mocks.resetRequests();
    // when
    JsonObject answer =
        gateway.query(
            bearer(MockRegistries.INTAKE_CLIENT_ID),
            "{ __schema { queryType { name } } __type(name: \"Diploma\") { fields { name } } }",
            Map.of());
    // then
    assertThat(answer.getJsonObject("data").getJsonObject("__type").getJsonArray("fields"))
        .isNotEmpty();
    assertThat(answer.encode()).doesNotContain("Expert IT").doesNotContain("El Amrani");
    assertNoRegistryCalled();
  }

  @Test
  void batchesAndSeveralOperationsDecideEachReadOnItsOwn() {
    // given
    String share =
        create(Persona.MOHAMED, party(MockRegistries.INTAKE_CLIENT_ID, "admission", "diplomas"));
    String read =
        "query R($id: ID!, $p: String!) { dossier(shareId: $id, purpose: $p) { diplomas { level } badges { title } } } query Other { me { name } }";
    String batch =
        new JsonArray()
            .add(
                new JsonObject()
                    .put("query", read)
                    .put("operationName", "R")
                    .put("variables", new JsonObject().put("id", share).put("p", "admission")))
            .add(
                new JsonObject()
                    .put("query", read)
                    .put("operationName", "R")
                    .put("variables", new JsonObject().put("id", share).put("p", "marketing")))
            .add(new JsonObject().put("query", read).put("operationName", "Other"))
            .encode();
    // when
    var answer =
        gateway.send(
            java.net.http.HttpRequest.newBuilder(gateway.uri("/graphql"))
                .header("Authorization", bearer(MockRegistries.INTAKE_CLIENT_ID))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(batch)));
    // then
    JsonArray results = new JsonArray(answer.body());
    JsonObject granted = results.getJsonObject(0).getJsonObject("data").getJsonObject("dossier");
    assertThat(granted.getJsonArray("diplomas").getJsonObject(0).getString("level"))
        .isEqualTo("MBO-4");
    assertThat(granted.getValue("badges")).isNull();
    assertThat(results.getJsonObject(1).getJsonObject("data").getValue("dossier")).isNull();
    assertThat(code(results.getJsonObject(1))).isEqualTo("WITHHELD");
    assertThat(code(results.getJsonObject(2))).isEqualTo("FORBIDDEN");
    assertThat(answer.body()).doesNotContain("El Amrani");
  }

  @Test
  void sharingGroupsExpandToPersonalCoordinates() {
    JsonArray groups =
        owner(Persona.MARISKA, "{ sharingGroups { name coordinates } }", Map.of())
            .getJsonObject("data")
            .getJsonArray("sharingGroups");
    JsonObject grades =
        groups.stream()
            .map(JsonObject.class::cast)
            .filter(g -> g.getString("name").equals("grades"))
            .findFirst()
            .orElseThrow();
    assertThat(grades.getJsonArray("coordinates").getList())
        .contains("Diploma.grades", "Person.examResults", "ExamGrade.finalGrade")
        .doesNotContain("Diploma.title");
  }

  @Test
  void invalidSharesAreRejectedWithClearErrors() {
    assertInvalid(
        party(MockRegistries.INTAKE_CLIENT_ID, "admission", "Diploma.shoeSize"),
        "Diploma.shoeSize");
    assertInvalid(
        party(MockRegistries.INTAKE_CLIENT_ID, "admission", "Institution.name"),
        "Institution.name");
    assertInvalid(party("unknown-party", "admission", "diplomas"), "Unknown party");
    assertInvalid(
        party(MockRegistries.INTAKE_CLIENT_ID, "admission", "diplomas")
            .put("expiresAt", "2020-01-01T00:00:00Z"),
        "future");
    assertInvalid(party(MockRegistries.INTAKE_CLIENT_ID, " ", "diplomas"), "purpose");
    assertInvalid(
        party(MockRegistries.INTAKE_CLIENT_ID, "admission", "diplomas").put("link", true),
        "either");
    assertInvalid(party(MockRegistries.INTAKE_CLIENT_ID, "admission"), "at least one");
  }

  @Test
  void callersAreKeptToTheirOwnFields() {
    assertThat(
            code(
                gateway.query(bearer(MockRegistries.COACH_CLIENT_ID), "{ me { name } }", Map.of())))
        .isEqualTo("FORBIDDEN");
    assertThat(
            code(
                gateway.query(
                    bearer(MockRegistries.COACH_CLIENT_ID), "{ shares { id } }", Map.of())))
        .isEqualTo("FORBIDDEN");
    assertThat(
            code(
                gateway.query(
                    bearer(MockRegistries.COACH_CLIENT_ID),
                    CREATE,
                    Map.of(
                        "input", party(MockRegistries.COACH_CLIENT_ID, "x", "diplomas").getMap()))))
        .isEqualTo("FORBIDDEN");
    assertThat(
            code(
                owner(
                    Persona.MARISKA,
                    "{ dossier(shareId: \"x\", purpose: \"y\") { name } }",
                    Map.of())))
        .isEqualTo("FORBIDDEN");
  }

  @Test
  void anotherOwnerCannotSeeOrRevokeAShare() {
    String share =
        create(Persona.MOHAMED, party(MockRegistries.INTAKE_CLIENT_ID, "admission", "diplomas"));
    assertThat(
            code(
                owner(
                    Persona.MARISKA,
                    "mutation($id: ID!) { revokeShare(id: $id) { id } }",
                    Map.of("id", share))))
        .isEqualTo("NOT_FOUND");
    assertThat(
            code(
                owner(
                    Persona.MARISKA,
                    "query($id: ID!) { preview(shareId: $id) { name } }",
                    Map.of("id", share))))
        .isEqualTo("NOT_FOUND");
  }

  private static void assertInvalid(JsonObject input, String mentioned) {
    JsonObject answer = owner(Persona.MOHAMED, CREATE, Map.of("input", input.getMap()));
    JsonObject error = answer.getJsonArray("errors").getJsonObject(0);
    String code = error.getJsonObject("extensions").getString("code");
    assertThat(code).as(error.encode()).isIn("INVALID_SHARE", "BAD_REQUEST", "ValidationError");
    if (code.equals("INVALID_SHARE")) {
      assertThat(error.getString("message")).contains(mentioned);
    }
  }

  /** How often grants were looked up by id since the statistics were switched on. */
  private static int grantLookups(Statement sql) throws SQLException {
    var lookups = new ArrayList<Integer>();
    try (ResultSet rs =
        sql.executeQuery(
            "SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
                + " WHERE SQL_STATEMENT LIKE '%FROM grants WHERE id%'")) {
      while (rs.next()) {
        assertThat(rs.getString(1)).contains("WHERE id = ANY(?)");
        lookups.add(rs.getInt(2));
      }
    }
    assertThat(lookups).as("one statement looks grants up").hasSize(1);
    return lookups.get(0);
  }

  static final List<Persona> FOUR_OWNERS =
      List.of(Persona.MARISKA, Persona.PIETER, Persona.MOHAMED, Persona.LARS);

  /** {@code count} shares of the same input, made by the four owners in turn. */
  static List<String> sharesInTurn(int count, JsonObject input) {
    var shares = new ArrayList<String>();
    for (int i = 0; i < count; i++) {
      shares.add(create(FOUR_OWNERS.get(i % FOUR_OWNERS.size()), input));
    }
    return shares;
  }

  static JsonObject party(String party, String purpose, String... fields) {
    return new JsonObject()
        .put("party", party)
        .put("fields", new JsonArray(List.of(fields)))
        .put("purpose", purpose)
        .put("expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).toString());
  }

  static String create(Persona owner, JsonObject input) {
    return createdShare(owner, input).getJsonObject("share").getString("id");
  }

  static JsonObject createdShare(Persona owner, JsonObject input) {
    JsonObject answer = owner(owner, CREATE, Map.of("input", input.getMap()));
    assertThat(answer.getJsonArray("errors")).as(answer.encode()).isNull();
    return answer.getJsonObject("data").getJsonObject("createShare");
  }

  static JsonObject owner(Persona owner, String query, Map<String, Object> variables) {
    return gateway.query("Bearer " + gateway.token(owner), query, variables);
  }

  /** An owner's {@code disclosures} page, as {@code query} selects it. */
  static JsonObject disclosures(Persona owner, String query, Map<String, Object> variables) {
    return owner(owner, query, variables).getJsonObject("data").getJsonObject("disclosures");
  }

  static JsonObject read(String party, String share, String purpose) {
    return gateway.query(bearer(party), READ, Map.of("id", share, "purpose", purpose));
  }

  /** The {@code dossier} a party reads under a share: null when withheld. */
  static Object dossier(String party, String share, String purpose) {
    return read(party, share, purpose).getJsonObject("data").getValue("dossier");
  }

  static String bearer(String party) {
    return "Bearer " + gateway.mocks.clientToken(party);
  }

  static String code(JsonObject answer) {
    return answer
        .getJsonArray("errors")
        .getJsonObject(0)
        .getJsonObject("extensions")
        .getString("code");
  }

  static List<String> withheldPaths(JsonObject answer) {
    return answer.getJsonArray("errors").stream()
        .map(JsonObject.class::cast)
        .filter(e -> "WITHHELD".equals(e.getJsonObject("extensions").getString("code")))
        .map(e -> String.join(".", e.getJsonArray("path").stream().map(String::valueOf).toList()))
        .toList();
  }

  static void assertNoRegistryCalled() {
    for (MockRegistry registry : MockRegistry.values()) {
      assertThat(gateway.requests(registry)).as("requests to %s", registry).isEmpty();
    }
  }
}
