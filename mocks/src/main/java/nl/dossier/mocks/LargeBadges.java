package nl.dossier.mocks;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static nl.dossier.mocks.JsonObject.object;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** The fifty badges of the large dossier, newest first, each with its public assertion. */
final class LargeBadges {
  static final int COUNT = 50;

  private static final List<String> TYPES =
      List.of("regular", "micro_credential", "extra_curricular");
  private static final List<String> TOPICS =
      List.of(
          "Veilig werken op hoogte",
          "Storingzoeken in besturingen",
          "Klantcontact in de werkplaats",
          "Basis pneumatiek",
          "Samenwerken in projecten",
          "Digitale vaardigheden",
          "Duurzaam installeren",
          "Eerste hulp bij ongelukken",
          "Meten aan elektrische installaties",
          "Plannen en organiseren");
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final LocalDateTime NEWEST = LocalDateTime.of(2025, 10, 1, 10, 0);

  private LargeBadges() {}

  static void register(WireMockServer edubadges, String baseUrl) {
    var instances = new ArrayList<JsonObject>();
    for (int i = 0; i < COUNT; i++) {
      instances.add(instance(i));
      edubadges.stubFor(
          get(urlPathEqualTo("/public/assertions/" + instanceId(i)))
              .atPriority(1)
              .willReturn(okJson(assertion(i, baseUrl))));
    }
    edubadges.stubFor(
        get(urlPathEqualTo("/mobile/api/badge-instances"))
            .atPriority(1)
            .withHeader("Authorization", equalTo("Bearer at.edubadges." + owner()))
            .withHeader("X-Requested-With", equalTo("mobile"))
            .willReturn(okJson(JsonObject.toJson(instances))));
  }

  private static JsonObject instance(int i) {
    String type = TYPES.get(i % TYPES.size());
    return object()
        .with("entity_id", instanceId(i))
        .with("issued_on", issuedOn(i))
        .with("award_type", i % 4 == 0 ? "requested" : "direct_award")
        .with("revoked", false)
        .with("expires_at", type.equals("extra_curricular") ? expiresAt(i) : null)
        .with("acceptance", "Accepted")
        .with("public", i % 5 != 0)
        .with("grade_achieved", null)
        .with("badgeclass", badgeClass(i, type));
  }

  private static JsonObject badgeClass(int i, String type) {
    String topic = TOPICS.get(i % TOPICS.size());
    int part = i / TOPICS.size() + 1;
    School school = School.values()[i % School.values().length];
    boolean micro = type.equals("micro_credential");
    return object()
        .with("entity_id", classId(i))
        .with("name", topic + " " + part)
        .with("description", topic + ", deel " + part + ", bij " + school.displayName() + ".")
        .with("badge_class_type", type)
        .with("formal", micro)
        .with("participation", i % 2 == 0 ? "on_site" : "blended")
        .with("assessment_type", micro ? "testing" : "application_of_knowledge")
        .with("criteria_text", "Opdrachten " + topic.toLowerCase() + " afgerond en beoordeeld.")
        .with("alignments", micro ? alignments(i) : List.of())
        .with("issuer", issuer(school));
  }

  private static List<JsonObject> alignments(int i) {
    return List.of(
        alignment("EQF", i % 2 == 0 ? "3" : "4"), alignment("ECTS", i % 3 == 0 ? "1" : "2.5"));
  }

  private static JsonObject alignment(String framework, String code) {
    return object()
        .with("target_name", framework)
        .with("target_code", code)
        .with("target_framework", framework);
  }

  private static JsonObject issuer(School school) {
    var institution =
        object()
            .with("identifier", school.schacHome())
            .with("brin", school.brin())
            .with("name_dutch", school.displayName())
            .with("name_english", school.displayName())
            .with("institution_type", "MBO")
            .with("grondslag_formeel", "gerechtvaardigd_belang")
            .with("grondslag_informeel", "gerechtvaardigd_belang");
    return object()
        .with("name_dutch", school.displayName() + " Techniek")
        .with("name_english", school.displayName() + " Technology")
        .with("faculty", object().with("name_dutch", "Techniek").with("institution", institution));
  }

  private static String assertion(int i, String baseUrl) {
    String salt = sha256Hex("salt:" + i).substring(0, 32);
    var recipient =
        object()
            .with("type", "id")
            .with("hashed", true)
            .with("identity", "sha256$" + sha256Hex("edubadges-" + owner() + salt))
            .with("salt", salt);
    return object()
        .with("@context", "https://w3id.org/openbadges/v2")
        .with("type", "Assertion")
        .with("id", baseUrl + "/public/assertions/" + instanceId(i))
        .with("badge", baseUrl + "/public/badges/" + classId(i))
        .with("issuedOn", issuedOn(i))
        .with("recipient", recipient)
        .with("verification", object().with("type", "HostedBadge"))
        .with("revoked", false)
        .toJson();
  }

  private static String owner() {
    return LargeDossier.PERSONA.key();
  }

  private static String issuedOn(int i) {
    return NEWEST
        .minusDays(37L * i)
        .atZone(AMSTERDAM)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private static String expiresAt(int i) {
    return NEWEST
        .minusDays(37L * i)
        .plusYears(5)
        .atZone(AMSTERDAM)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private static String instanceId(int i) {
    return entityId("badge-instance-" + i);
  }

  private static String classId(int i) {
    return entityId("badge-class-" + i);
  }

  private static String entityId(String name) {
    UUID uuid = UUID.nameUUIDFromBytes((owner() + ":" + name).getBytes(StandardCharsets.UTF_8));
    ByteBuffer bytes = ByteBuffer.allocate(16);
    bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
  }

  private static String sha256Hex(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
