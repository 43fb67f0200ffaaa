package nl.dossier.gateway.graphql;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import nl.dossier.domain.Qualification;
import nl.dossier.domain.QualificationFile;

/** Looks a crebo code up in RIO (the kwalificatie) and SBB (its dossier) at the same time. */
final class QualificationCatalogue {
  private final Registries registries;

  QualificationCatalogue(Registries registries) {
    this.registries = registries;
  }

  Future<QualificationDetails> find(String crebo) {
    Future<Optional<Qualification>> rio = registries.rio().findQualification(crebo);
    Future<Optional<QualificationFile>> sbb = registries.sbb().findQualificationFile(crebo);
    return Future.all(rio, sbb).map(ignored -> join(crebo, rio.result(), sbb.result()));
  }

  private static QualificationDetails join(
      String crebo, Optional<Qualification> rio, Optional<QualificationFile> sbb) {
    if (rio.isEmpty() && sbb.isEmpty()) {
      return null;
    }
    Qualification q = rio.orElse(new Qualification(crebo, null, null, null, null));
    QualificationFile file =
        sbb.orElse(new QualificationFile(q.qualificationFileCode(), null, List.of()));
    return new QualificationDetails(
        crebo, q.title(), q.level(), q.studyLoad(), file.code(), file.title(), file.coreTasks());
  }
}
