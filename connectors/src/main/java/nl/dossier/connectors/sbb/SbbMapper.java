package nl.dossier.connectors.sbb;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import nl.dossier.connectors.Json;
import nl.dossier.domain.CoreTask;
import nl.dossier.domain.Elective;
import nl.dossier.domain.PracticalStatement;
import nl.dossier.domain.Provenance;
import nl.dossier.domain.QualificationFile;
import nl.dossier.domain.RecognisedCompany;
import nl.dossier.domain.Recognition;
import nl.dossier.domain.Registry;
import nl.dossier.domain.WorkProcess;

final class SbbMapper {
  private final OffsetDateTime retrievedAt;

  SbbMapper(OffsetDateTime retrievedAt) {
    this.retrievedAt = retrievedAt;
  }

  PracticalStatement statement(JsonObject json) {
    String companyId = json.getString("leerbedrijfId");
    return new PracticalStatement(
        json.getString("id"),
        json.getString("naam"),
        json.getString("beschrijving"),
        Json.date(json, "afgiftedatum"),
        companyId,
        Json.list(json.getJsonArray("werkprocessen"), SbbMapper::workProcess),
        new Provenance(Registry.SBB, companyId, retrievedAt, true));
  }

  static QualificationFile qualificationFile(JsonObject json) {
    return new QualificationFile(
        json.getString("kdCode"),
        json.getString("titel"),
        Json.list(json.getJsonArray("kerntaken"), SbbMapper::coreTask));
  }

  static Elective elective(JsonObject json) {
    return new Elective(
        json.getString("code"), json.getString("titel"), json.getInteger("studielast"));
  }

  static RecognisedCompany company(JsonObject json) {
    JsonObject address = json.getJsonObject("vestigingsadres", new JsonObject());
    return new RecognisedCompany(
        json.getString("leerbedrijfId"),
        json.getString("naam"),
        json.getString("kvkNummer"),
        address.getString("plaats"),
        Json.list(json.getJsonArray("erkenningen"), SbbMapper::recognition));
  }

  private static CoreTask coreTask(JsonObject json) {
    return new CoreTask(
        json.getString("code"),
        json.getString("titel"),
        Json.list(json.getJsonArray("werkprocessen"), SbbMapper::workProcess));
  }

  private static WorkProcess workProcess(JsonObject json) {
    return new WorkProcess(json.getString("code"), json.getString("titel"));
  }

  private static Recognition recognition(JsonObject json) {
    return new Recognition(
        json.getString("crebocode"),
        Json.strings(json.getJsonArray("leerweg")),
        json.getString("status"),
        Json.date(json, "begindatum"),
        Json.date(json, "einddatum"));
  }
}
