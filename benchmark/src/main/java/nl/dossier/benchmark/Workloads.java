package nl.dossier.benchmark;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** The GraphQL request bodies of the workloads. */
final class Workloads {
  static final String DOSSIER = ClasspathFolder.read("nl/dossier/benchmark/dossier.graphql");
  static final String PROFILE = ClasspathFolder.read("nl/dossier/benchmark/profile.graphql");

  private Workloads() {}

  /** A share to read: its id and the purpose it was given for. */
  record Share(String id, String purpose) {}

  /** The owner's full dossier: every field of {@code me}. */
  static JsonObject ownDossier() {
    return new JsonObject().put("query", "query OwnDossier { me { ...Dossier } }\n" + DOSSIER);
  }

  /** The same selection, read by a party under a share. */
  static JsonObject sharedDossier(Share share) {
    String query =
        "query SharedDossier($shareId: ID!, $purpose: String!) {\n"
            + "  dossier(shareId: $shareId, purpose: $purpose) { ...Dossier }\n}\n"
            + DOSSIER;
    return new JsonObject()
        .put("query", query)
        .put(
            "variables",
            new JsonObject().put("shareId", share.id()).put("purpose", share.purpose()));
  }

  /** Many shared profiles in one query, one aliased {@code dossier} field each. */
  static JsonObject profiles(List<Share> shares) {
    var query = new StringBuilder("query Profiles {\n");
    for (int i = 0; i < shares.size(); i++) {
      Share share = shares.get(i);
      query
          .append("  p")
          .append(i)
          .append(": dossier(shareId: \"")
          .append(share.id())
          .append("\", purpose: \"")
          .append(share.purpose())
          .append("\") { ...Profile }\n");
    }
    query.append("}\n").append(PROFILE);
    return new JsonObject().put("query", query.toString());
  }
}
