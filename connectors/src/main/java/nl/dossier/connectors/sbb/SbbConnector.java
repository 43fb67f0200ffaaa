package nl.dossier.connectors.sbb;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.dossier.domain.Elective;
import nl.dossier.domain.PracticalStatement;
import nl.dossier.domain.QualificationFile;
import nl.dossier.domain.RecognisedCompany;

/**
 * SBB: the public catalogue (kwalificatiedossiers, keuzedelen, erkende leerbedrijven) and the
 * personal praktijkverklaringen.
 */
public interface SbbConnector {
  /** The kwalificatiedossier that contains the qualification with this crebo code. */
  Future<Optional<QualificationFile>> findQualificationFile(String crebo);

  /** A keuzedeel by code, e.g. K1234. */
  Future<Optional<Elective>> findElective(String code);

  /** A recognised training company by leerbedrijf-ID, with its recognitions. */
  Future<Optional<RecognisedCompany>> findCompany(String id);

  /**
   * The praktijkverklaringen issued to any of the person's eppns, read with an SBB-scoped token.
   */
  Future<List<PracticalStatement>> practicalStatements(
      String accessToken, Collection<String> eppns);
}
