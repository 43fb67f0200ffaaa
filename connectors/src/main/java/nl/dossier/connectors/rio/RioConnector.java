package nl.dossier.connectors.rio;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import nl.dossier.domain.Institution;
import nl.dossier.domain.Programme;
import nl.dossier.domain.Qualification;

/** RIO LOD REST: public reference data on institutions, offered programmes and qualifications. */
public interface RioConnector {
  /** An onderwijsaanbieder by its code; empty when RIO does not know it. */
  Future<Optional<Institution>> findInstitution(String code);

  /** All aangeboden mbo-opleidingen of an onderwijsaanbieder (every page). */
  Future<List<Programme>> programmes(String institutionCode);

  /** An mbo-kwalificatie by crebo code; empty when RIO does not know it. */
  Future<Optional<Qualification>> findQualification(String crebo);
}
