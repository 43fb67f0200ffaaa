package nl.dossier.gateway.graphql;

import nl.dossier.connectors.UpstreamException;
import nl.dossier.domain.Qualification;
import nl.dossier.domain.QualificationFile;

/**
 * A qualification as the schema shows it: the RIO kwalificatie joined with its SBB dossier. When
 * one of the two registries failed, its part is null and its failure is kept, so that only the
 * fields it feeds are null (with an error naming it).
 */
record QualificationDetails(
    String code,
    Qualification rio,
    UpstreamException rioFailure,
    QualificationFile sbb,
    UpstreamException sbbFailure) {

  String title() {
    return rio == null ? null : rio.title();
  }
}
