package nl.dossier.gateway.graphql;

import io.vertx.core.Future;
import java.util.Optional;
import nl.dossier.connectors.UpstreamException;
import nl.dossier.domain.Qualification;
import nl.dossier.domain.QualificationFile;
import nl.dossier.domain.Registry;

/** Looks a crebo code up in RIO (the kwalificatie) and SBB (its dossier) at the same time. */
final class QualificationCatalogue {
  private final Registries registries;

  QualificationCatalogue(Registries registries) {
    this.registries = registries;
  }

  /**
   * The joined qualification; null when neither registry knows the code; failed only when both
   * registries failed.
   */
  Future<QualificationDetails> find(String crebo, RequestDeadline deadline) {
    Future<Optional<Qualification>> rio =
        deadline.bound(Registry.RIO, registries.rio().findQualification(crebo));
    Future<Optional<QualificationFile>> sbb =
        deadline.bound(Registry.SBB, registries.sbb().findQualificationFile(crebo));
    return Future.join(rio, sbb)
        .transform(
            ignored -> {
              if (rio.failed() && sbb.failed()) {
                return Future.failedFuture(rio.cause());
              }
              boolean unknown =
                  (rio.failed() || rio.result().isEmpty())
                      && (sbb.failed() || sbb.result().isEmpty());
              if (unknown && (rio.succeeded() && sbb.succeeded())) {
                return Future.succeededFuture(null);
              }
              return Future.succeededFuture(
                  new QualificationDetails(
                      crebo,
                      rio.succeeded() ? rio.result().orElse(null) : null,
                      failure(rio),
                      sbb.succeeded() ? sbb.result().orElse(null) : null,
                      failure(sbb)));
            });
  }

  private static UpstreamException failure(Future<?> outcome) {
    if (outcome.succeeded()) {
      return null;
    }
    return outcome.cause() instanceof UpstreamException upstream ? upstream : null;
  }
}
