package nl.dossier.connectors.eduid;

import io.vertx.core.json.JsonObject;
import nl.dossier.domain.LinkedAccount;

final class EduIdMapper {
  private EduIdMapper() {}

  static LinkedAccount linkedAccount(JsonObject json) {
    return new LinkedAccount(
        json.getString("eppn"),
        json.getString("schac_home_organization"),
        json.getBoolean("preferred", false),
        json.getString("validated_name"));
  }
}
