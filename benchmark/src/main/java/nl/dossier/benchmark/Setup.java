package nl.dossier.benchmark;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.dossier.benchmark.Workloads.Share;
import nl.dossier.mocks.MockRegistries;
import nl.dossier.mocks.Persona;

/**
 * Creates the shares through the gateway's GraphQL API (owners' {@code createShare}): one of
 * Mariska's with the employer, {@code profiles} of the five personas in turn with the coach, and
 * one of each of {@code profiles} distinct stand-in owners ({@link Owners}) with the intake office.
 * Writes each workload's request body and token to {@code <work
 * dir>/workloads/<name>.{json,token}}; then sends each workload once and prints what came back, so
 * that a broken workload shows before the load starts.
 *
 * <p>Usage: {@code Setup <work dir> <gateway url> [profiles]}.
 */
public final class Setup {
  static final String PARTY_PURPOSE = "recruitment";
  static final String PROFILES_PURPOSE = "career-coaching";
  private static final String CREATE_SHARE =
      "mutation Share($input: CreateShareInput!) { createShare(input: $input) { share { id } } }";
  private static final Persona[] OWNERS = Persona.values();

  private final Path dir;
  private final GraphQLClient gateway;

  private Setup(Path dir, GraphQLClient gateway) {
    this.dir = dir;
    this.gateway = gateway;
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: Setup <work dir> <gateway url> [profiles]");
      System.exit(2);
    }
    int profiles = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    var setup = new Setup(Path.of(args[0]), new GraphQLClient(args[1]));
    Map<String, Workload> workloads = setup.workloads(profiles);
    boolean ok = true;
    for (var workload : workloads.entrySet()) {
      ok &= setup.write(workload.getKey(), workload.getValue());
    }
    if (!ok) {
      System.exit(1);
    }
  }

  private record Workload(String token, JsonObject body) {}

  private Map<String, Workload> workloads(int profiles) throws IOException {
    List<String> groups = groups();
    String employer = token(MockRegistries.EMPLOYER_CLIENT_ID);
    String coach = token(MockRegistries.COACH_CLIENT_ID);
    Share mariska =
        share(Persona.MARISKA, MockRegistries.EMPLOYER_CLIENT_ID, groups, PARTY_PURPOSE);
    var many = new ArrayList<Share>();
    for (int i = 0; i < profiles; i++) {
      Persona owner = OWNERS[i % OWNERS.length];
      many.add(share(owner, MockRegistries.COACH_CLIENT_ID, groups, PROFILES_PURPOSE));
    }
    var distinct = new ArrayList<Share>();
    for (int i = 0; i < profiles; i++) {
      String owner = token("owner-" + i);
      distinct.add(share(owner, MockRegistries.INTAKE_CLIENT_ID, groups, PROFILES_PURPOSE));
    }
    var workloads = new LinkedHashMap<String, Workload>();
    workloads.put("owner", new Workload(token(Persona.MARISKA.key()), Workloads.ownDossier()));
    workloads.put("party", new Workload(employer, Workloads.sharedDossier(mariska)));
    workloads.put("large", new Workload(token(Persona.LARS.key()), Workloads.ownDossier()));
    workloads.put("profiles1", new Workload(coach, Workloads.profiles(many.subList(0, 1))));
    workloads.put("profiles" + profiles, new Workload(coach, Workloads.profiles(many)));
    String intake = token(MockRegistries.INTAKE_CLIENT_ID);
    workloads.put("distinct" + profiles, new Workload(intake, Workloads.profiles(distinct)));
    return workloads;
  }

  /** Every sharing group, so that a share covers the whole dossier. */
  private List<String> groups() throws IOException {
    var query = new JsonObject().put("query", "{ sharingGroups { name } }");
    JsonArray groups =
        gateway.data(token(Persona.MARISKA.key()), query).getJsonArray("sharingGroups");
    var names = new ArrayList<String>();
    for (int i = 0; i < groups.size(); i++) {
      names.add(groups.getJsonObject(i).getString("name"));
    }
    return names;
  }

  private Share share(Persona owner, String party, List<String> groups, String purpose)
      throws IOException {
    return share(token(owner.key()), party, groups, purpose);
  }

  private Share share(String ownerToken, String party, List<String> groups, String purpose) {
    var input =
        new JsonObject()
            .put("party", party)
            .put("fields", new JsonArray(groups))
            .put("purpose", purpose)
            .put(
                "expiresAt",
                Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS).toString());
    var request =
        new JsonObject()
            .put("query", CREATE_SHARE)
            .put("variables", new JsonObject().put("input", input));
    JsonObject data = gateway.data(ownerToken, request);
    String id = data.getJsonObject("createShare").getJsonObject("share").getString("id");
    return new Share(id, purpose);
  }

  private boolean write(String name, Workload workload) throws IOException {
    Path workloads = Files.createDirectories(dir.resolve("workloads"));
    Files.writeString(workloads.resolve(name + ".json"), workload.body().encode());
    Files.writeString(workloads.resolve(name + ".token"), workload.token());
    GraphQLClient.Answer answer = gateway.post(workload.token(), workload.body());
    JsonArray errors = answer.body().getJsonArray("errors", new JsonArray());
    System.out.printf(
        "  %-12s HTTP %d, %,d bytes, %d GraphQL errors%s%n",
        name,
        answer.status(),
        answer.bytes(),
        errors.size(),
        errors.isEmpty() ? "" : " (first: " + errors.getJsonObject(0).encode() + ")");
    return answer.status() == 200 && answer.body().getValue("data") != null;
  }

  private String token(String name) throws IOException {
    return Files.readString(dir.resolve("tokens").resolve(name + ".jwt")).trim();
  }
}
