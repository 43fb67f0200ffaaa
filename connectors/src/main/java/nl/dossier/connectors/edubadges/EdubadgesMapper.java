package nl.dossier.connectors.edubadges;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import nl.dossier.connectors.Json;
import nl.dossier.domain.Alignment;
import nl.dossier.domain.Badge;
import nl.dossier.domain.Provenance;
import nl.dossier.domain.Registry;

final class EdubadgesMapper {
  private final String baseUrl;
  private final OffsetDateTime retrievedAt;

  EdubadgesMapper(String baseUrl, OffsetDateTime retrievedAt) {
    this.baseUrl = baseUrl;
    this.retrievedAt = retrievedAt;
  }

  Badge badge(JsonObject json) {
    JsonObject badgeClass = json.getJsonObject("badgeclass", new JsonObject());
    JsonObject issuer = badgeClass.getJsonObject("issuer", new JsonObject());
    List<Alignment> alignments = Json.list(badgeClass.getJsonArray("alignments"), this::alignment);
    OffsetDateTime expiresAt = Json.dateTime(json, "expires_at");
    boolean verified =
        !json.getBoolean("revoked", false) && (expiresAt == null || expiresAt.isAfter(retrievedAt));
    String entityId = json.getString("entity_id");
    return new Badge(
        entityId,
        badgeClass.getString("name"),
        badgeClass.getString("description"),
        kind(badgeClass.getString("badge_class_type")),
        Json.dateTime(json, "issued_on"),
        expiresAt,
        issuer.getString("name_dutch"),
        ects(alignments),
        eqfLevel(alignments),
        alignments,
        baseUrl + "/public/assertions/" + entityId,
        new Provenance(Registry.EDUBADGES, institution(issuer), retrievedAt, verified));
  }

  private Alignment alignment(JsonObject json) {
    return new Alignment(
        json.getString("target_framework"),
        json.getString("target_name"),
        json.getString("target_code"));
  }

  private static Badge.Kind kind(String type) {
    for (Badge.Kind kind : Badge.Kind.values()) {
      if (kind.name().equalsIgnoreCase(type)) {
        return kind;
      }
    }
    return Badge.Kind.REGULAR;
  }

  private static String institution(JsonObject issuer) {
    JsonObject faculty = issuer.getJsonObject("faculty", new JsonObject());
    return faculty.getJsonObject("institution", new JsonObject()).getString("identifier");
  }

  private static Double ects(List<Alignment> alignments) {
    String code = target(alignments, "ECTS");
    return code == null ? null : Double.valueOf(code);
  }

  private static Integer eqfLevel(List<Alignment> alignments) {
    String code = target(alignments, "EQF");
    return code == null ? null : Integer.valueOf(code);
  }

  private static String target(List<Alignment> alignments, String framework) {
    for (Alignment alignment : alignments) {
      if (framework.equalsIgnoreCase(alignment.framework())) {
        return alignment.targetCode();
      }
    }
    return null;
  }
}
