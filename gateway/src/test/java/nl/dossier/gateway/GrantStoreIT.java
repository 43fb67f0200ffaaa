package nl.dossier.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nl.dossier.mocks.MockRegistries;
import nl.dossier.mocks.MockRegistry;
import nl.dossier.mocks.Persona;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrantStoreIT {
  static final String READ =
      "query($id: ID!, $p: String!) { dossier(shareId: $id, purpose: $p) { electives { title } } }";

  /** Reads of each of two shares sent at once. */
  static final int READS = 20;

  @TempDir Path directory;

  @Test
  void sharesAndLinksSurviveARestartOnTheEmbeddedFileDatabase() {
    // given a share and a link created on a gateway with a file database
    String store = "jdbc:h2:file:" + directory.resolve("dossier");
    MockRegistries mocks = MockRegistries.start();
    GatewayFixture first = GatewayFixture.start(mocks, store, config -> {});
    String share = coachingShare(first);
    JsonObject link =
        first
            .query(
                "Bearer " + first.token(Persona.MARISKA),
                "mutation($i: CreateShareInput!) { createShare(input: $i) { linkToken share { id } } }",
                Map.of(
                    "i",
                    Map.of(
                        "link",
                        true,
                        "fields",
                        List.of("electives"),
                        "purpose",
                        "doorstroom",
                        "expiresAt",
                        Instant.now().plusSeconds(3600).toString())))
            .getJsonObject("data")
            .getJsonObject("createShare");
    first.stopGateway();
    assertThat(Files.exists(directory.resolve("dossier.mv.db"))).isTrue();
    // when a new gateway starts on the same file
    GatewayFixture second = GatewayFixture.start(mocks, store, config -> {});
    try {
      // then the owner still sees the shares, and the link still works
      JsonArray shares =
          second
              .query(Persona.MARISKA, "{ shares { id } }")
              .getJsonObject("data")
              .getJsonArray("shares");
      assertThat(shares.stream().map(s -> ((JsonObject) s).getString("id")))
          .contains(share, link.getJsonObject("share").getString("id"));
      JsonObject read =
          second.query(
              "Bearer " + link.getString("linkToken"),
              READ,
              Map.of("id", link.getJsonObject("share").getString("id"), "p", "doorstroom"));
      assertThat(firstElective(read)).isEqualTo("Fietsreparatie");
    } finally {
      second.close();
    }
  }

  @Test
  void disclosuresAreLoggedInAStoreMadeWhenTheirIdsWereText() throws Exception {
    // given a file database whose disclosure log was made when its ids were text, not UUIDs
    String store = "jdbc:h2:file:" + directory.resolve("dossier");
    try (Connection old = DriverManager.getConnection(store, "dossier", "");
        Statement sql = old.createStatement()) {
      sql.execute(
          "CREATE TABLE disclosures (id VARCHAR(64) PRIMARY KEY, owner VARCHAR(255) NOT NULL,"
              + " grant_id VARCHAR(64) NOT NULL, party VARCHAR(255), purpose VARCHAR(1000) NOT NULL,"
              + " coordinates VARCHAR(20000) NOT NULL, denied BOOLEAN NOT NULL,"
              + " at TIMESTAMP WITH TIME ZONE NOT NULL)");
    }
    GatewayFixture gateway = GatewayFixture.start(MockRegistries.start(), store, config -> {});
    try {
      // when the coach reads a share
      String share = coachingShare(gateway);
      String coach = "Bearer " + gateway.mocks.clientToken(MockRegistries.COACH_CLIENT_ID);
      assertThat(firstElective(gateway.query(coach, READ, Map.of("id", share, "p", "coaching"))))
          .isEqualTo("Fietsreparatie");
      // then the owner sees the read in her disclosure log
      JsonArray entries =
          gateway
              .query(Persona.MARISKA, "{ disclosures { entries { shareId purpose coordinates } } }")
              .getJsonObject("data")
              .getJsonObject("disclosures")
              .getJsonArray("entries");
      assertThat(entries.size()).isEqualTo(1);
      assertThat(entries.getJsonObject(0).getString("shareId")).isEqualTo(share);
      assertThat(entries.getJsonObject(0).getString("purpose")).isEqualTo("coaching");
      assertThat(entries.getJsonObject(0).getJsonArray("coordinates"))
          .containsExactlyInAnyOrder("Person.electives", "ElectiveResult.title");
    } finally {
      gateway.close();
    }
  }

  @Test
  void aStoreConnectionTheDatabaseClosedIsReplaced() throws Exception {
    // given a share that has been read, so that the store's workers hold connections
    GatewayFixture gateway = GatewayFixture.start();
    try {
      String share = coachingShare(gateway);
      String coach = "Bearer " + gateway.mocks.clientToken(MockRegistries.COACH_CLIENT_ID);
      gateway.query(coach, READ, Map.of("id", share, "p", "coaching"));
      // when the database closes every connection but this one
      try (Connection admin = DriverManager.getConnection(gateway.storeUrl, "dossier", "");
          Statement sql = admin.createStatement()) {
        sql.execute(
            "SELECT ABORT_SESSION(SESSION_ID) FROM INFORMATION_SCHEMA.SESSIONS"
                + " WHERE SESSION_ID <> SESSION_ID()");
        // then every read after that still works, on whichever worker it runs
        for (int i = 0; i < 12; i++) {
          JsonObject read = gateway.query(coach, READ, Map.of("id", share, "p", "coaching"));
          assertThat(read.getJsonArray("errors")).as("read %d", i).isNull();
          assertThat(firstElective(read)).isEqualTo("Fietsreparatie");
        }
      }
    } finally {
      gateway.close();
    }
  }

  @Test
  void aDisclosureTheStoreRefusesWithholdsOnlyItsOwnAnswer() throws Exception {
    // given two shares with the coach, and a store that refuses to log reads of one of them
    GatewayFixture gateway = GatewayFixture.start();
    ExecutorService coaches = Executors.newFixedThreadPool(2 * READS);
    try {
      String kept = coachingShare(gateway);
      String refused =
          SharingTestSupport.share(
              gateway,
              Persona.MARISKA,
              MockRegistries.COACH_CLIENT_ID,
              "loopbaan",
              Set.of("electives"));
      try (Connection admin = DriverManager.getConnection(gateway.storeUrl, "dossier", "");
          Statement sql = admin.createStatement()) {
        sql.execute(
            "ALTER TABLE disclosures ADD CONSTRAINT refused CHECK (grant_id <> '" + refused + "')");
      }
      // when the coach reads both, many times at once
      String coach = "Bearer " + gateway.mocks.clientToken(MockRegistries.COACH_CLIENT_ID);
      var keptReads = new ArrayList<CompletableFuture<GatewayFixture.Answer>>();
      var refusedReads = new ArrayList<CompletableFuture<GatewayFixture.Answer>>();
      for (int i = 0; i < READS; i++) {
        keptReads.add(read(gateway, coaches, coach, kept, "coaching"));
        refusedReads.add(read(gateway, coaches, coach, refused, "loopbaan"));
      }
      // then every read of the kept share is answered and logged
      for (var read : keptReads) {
        assertThat(read.get().status()).isEqualTo(200);
        assertThat(firstElective(read.get().json())).isEqualTo("Fietsreparatie");
      }
      assertThat(loggedReads(gateway, kept)).isEqualTo(READS);
      // and every read of the refused share is withheld, and none is logged
      for (var read : refusedReads) {
        assertThat(read.get().status()).isEqualTo(503);
        assertThat(read.get().body()).doesNotContain("Fietsreparatie");
        assertThat(
                read.get()
                    .json()
                    .getJsonArray("errors")
                    .getJsonObject(0)
                    .getJsonObject("extensions")
                    .getString("code"))
            .isEqualTo("POLICY_UNAVAILABLE");
      }
      assertThat(loggedReads(gateway, refused)).isZero();
    } finally {
      coaches.shutdownNow();
      gateway.close();
    }
  }

  @Test
  void anUnreachableStoreDeniesAndDisclosesNothing() throws Exception {
    // given
    GatewayFixture gateway = GatewayFixture.start();
    try {
      String share = coachingShare(gateway);
      gateway.gateway.stop();
      gateway.mocks.resetRequests();
      // when
      var answer =
          gateway.post(
              "Bearer " + gateway.mocks.clientToken(MockRegistries.COACH_CLIENT_ID),
              READ,
              Map.of("id", share, "p", "coaching"));
      // then
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).doesNotContain("Fietsreparatie");
      assertThat(answer.json().getJsonObject("data").getValue("dossier")).isNull();
      JsonObject error = answer.json().getJsonArray("errors").getJsonObject(0);
      assertThat(error.getJsonObject("extensions").getString("code"))
          .isEqualTo("POLICY_UNAVAILABLE");
      assertThat(error.getString("message")).contains("correlation id");
      for (MockRegistry registry : MockRegistry.values()) {
        assertThat(gateway.requests(registry)).as("requests to %s", registry).isEmpty();
      }
      // and the owner's sharing API denies too
      JsonObject owner = gateway.query(Persona.MARISKA, "{ shares { id } }");
      assertThat(
              owner
                  .getJsonArray("errors")
                  .getJsonObject(0)
                  .getJsonObject("extensions")
                  .getString("code"))
          .isEqualTo("POLICY_UNAVAILABLE");
    } finally {
      gateway.close();
    }
  }

  private static CompletableFuture<GatewayFixture.Answer> read(
      GatewayFixture gateway, ExecutorService coaches, String coach, String share, String purpose) {
    return CompletableFuture.supplyAsync(
        () -> gateway.post(coach, READ, Map.of("id", share, "p", purpose)), coaches);
  }

  /** How many reads of a share Mariska's disclosure log holds. */
  private static int loggedReads(GatewayFixture gateway, String share) {
    return gateway
        .query(
            "Bearer " + gateway.token(Persona.MARISKA),
            "query($f: DisclosureFilter) { disclosures(filter: $f, first: 100) { entries { shareId } } }",
            Map.of("f", Map.of("shareId", share)))
        .getJsonObject("data")
        .getJsonObject("disclosures")
        .getJsonArray("entries")
        .size();
  }

  /** Mariska shares her electives with the coach, for coaching. */
  private static String coachingShare(GatewayFixture gateway) {
    return SharingTestSupport.share(
        gateway, Persona.MARISKA, MockRegistries.COACH_CLIENT_ID, "coaching", Set.of("electives"));
  }

  private static String firstElective(JsonObject read) {
    return read.getJsonObject("data")
        .getJsonObject("dossier")
        .getJsonArray("electives")
        .getJsonObject(0)
        .getString("title");
  }
}
