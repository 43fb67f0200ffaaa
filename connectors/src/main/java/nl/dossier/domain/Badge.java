package nl.dossier.domain;

import java.time.OffsetDateTime;
import java.util.List;

/** An Edubadges assertion with its badge class. */
public record Badge(
    String id,
    String title,
    String description,
    Kind kind,
    OffsetDateTime issuedAt,
    OffsetDateTime expiresAt,
    String issuerName,
    Double ects,
    Integer eqfLevel,
    List<Alignment> alignments,
    String assertionUrl,
    Provenance provenance)
    implements LearningOutcome {

  @Override
  public java.time.LocalDate achievedOn() {
    return issuedAt == null ? null : issuedAt.toLocalDate();
  }

  /** The badge class type. */
  public enum Kind {
    REGULAR,
    MICRO_CREDENTIAL,
    EXTRA_CURRICULAR
  }
}
