package nl.dossier.connectors.duo;

import static nl.dossier.connectors.Json.date;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import nl.dossier.connectors.Json;
import nl.dossier.domain.Diploma;
import nl.dossier.domain.DiplomaRegister;
import nl.dossier.domain.ElectiveResult;
import nl.dossier.domain.ExamGrade;
import nl.dossier.domain.Internship;
import nl.dossier.domain.MboCertificate;
import nl.dossier.domain.Provenance;
import nl.dossier.domain.Registry;

final class DuoMapper {
  private DuoMapper() {}

  static DiplomaRegister register(JsonObject json, OffsetDateTime retrievedAt) {
    var diplomas = new ArrayList<Diploma>();
    var certificates = new ArrayList<MboCertificate>();
    var electives = new ArrayList<ElectiveResult>();
    JsonArray results = json.getJsonArray("resultaten", new JsonArray());
    for (int i = 0; i < results.size(); i++) {
      JsonObject result = results.getJsonObject(i);
      Provenance provenance = provenance(result, retrievedAt);
      switch (result.getString("soort", "")) {
        case "DIPLOMA" -> diplomas.add(diploma(result, provenance));
        case "CERTIFICAAT" -> certificates.add(certificate(result, provenance));
        case "KEUZEDEEL" -> electives.add(elective(result, provenance));
        default -> {
          // other result kinds (e.g. vo-cijferlijsten) are not part of this schema yet
        }
      }
    }
    List<Internship> internships =
        Json.list(json.getJsonArray("bpv"), bpv -> internship(bpv, retrievedAt));
    return new DiplomaRegister(
        List.copyOf(diplomas), List.copyOf(certificates), List.copyOf(electives), internships);
  }

  private static Provenance provenance(JsonObject result, OffsetDateTime retrievedAt) {
    return new Provenance(
        Registry.DUO, result.getString("onderwijsaanbiedercode"), retrievedAt, true);
  }

  private static Diploma diploma(JsonObject json, Provenance provenance) {
    return new Diploma(
        json.getString("opleidingcode"),
        json.getString("niveau"),
        json.getString("leertraject"),
        date(json, "datumResultaat"),
        json.getString("onderwijsaanbiedercode"),
        Json.list(json.getJsonArray("generiekeExamenonderdelen"), DuoMapper::grade),
        provenance);
  }

  private static MboCertificate certificate(JsonObject json, Provenance provenance) {
    return new MboCertificate(
        json.getString("opleidingcode"),
        json.getString("niveau"),
        date(json, "datumResultaat"),
        json.getString("onderwijsaanbiedercode"),
        provenance);
  }

  private static ElectiveResult elective(JsonObject json, Provenance provenance) {
    return new ElectiveResult(
        json.getString("codeKeuzedeel"),
        json.getString("resultaat"),
        date(json, "datumResultaat"),
        json.getString("onderwijsaanbiedercode"),
        provenance);
  }

  private static ExamGrade grade(JsonObject json) {
    return new ExamGrade(
        json.getString("code"),
        json.getString("omschrijving"),
        json.getString("eindcijfer"),
        json.getString("cijferCE"),
        json.getString("cijferIE"));
  }

  private static Internship internship(JsonObject json, OffsetDateTime retrievedAt) {
    return new Internship(
        json.getString("leerbedrijfId"),
        json.getString("opleidingcode"),
        date(json, "datumBegin"),
        date(json, "datumEindGepland"),
        date(json, "datumEindWerkelijk"),
        json.getInteger("omvang"),
        new Provenance(Registry.DUO, json.getString("leerbedrijfId"), retrievedAt, true));
  }
}
