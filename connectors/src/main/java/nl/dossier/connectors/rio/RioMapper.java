package nl.dossier.connectors.rio;

import io.vertx.core.json.JsonObject;
import java.util.List;
import nl.dossier.connectors.Json;
import nl.dossier.domain.Institution;
import nl.dossier.domain.Programme;
import nl.dossier.domain.Qualification;

final class RioMapper {
  private RioMapper() {}

  static Institution institution(JsonObject json) {
    return new Institution(
        json.getString("code"), json.getString("naam"), json.getString("kvkNummer"));
  }

  static List<Programme> programmes(JsonObject json) {
    JsonObject embedded = json.getJsonObject("_embedded", new JsonObject());
    return Json.list(embedded.getJsonArray("aangeboden-mbo-opleidingen"), RioMapper::programme);
  }

  static Qualification qualification(JsonObject json) {
    return new Qualification(
        json.getString("code"),
        json.getString("naam"),
        json.getString("niveau"),
        json.getInteger("studielast"),
        json.getString("kwalificatiedossierCode"));
  }

  private static Programme programme(JsonObject json) {
    return new Programme(
        json.getString("code"),
        json.getString("eigenNaam"),
        json.getString("leertraject"),
        json.getString("mboNiveau"),
        Json.date(json, "startdatum"),
        lastSegment(link(json, "mboKwalificatie")));
  }

  private static String link(JsonObject json, String name) {
    JsonObject links = json.getJsonObject("_links", new JsonObject());
    JsonObject link = links.getJsonObject(name);
    return link == null ? null : link.getString("href");
  }

  private static String lastSegment(String href) {
    if (href == null) {
      return null;
    }
    return href.substring(href.lastIndexOf('/') + 1);
  }
}
