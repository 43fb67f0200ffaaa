package nl.dossier.domain;

import java.time.LocalDate;

/** A BPV record from the DUO register; the company is a leerbedrijf-ID to enrich from SBB. */
public record Internship(
    String companyId,
    String qualificationCode,
    LocalDate startedOn,
    LocalDate plannedEndOn,
    LocalDate endedOn,
    Integer hours,
    Provenance provenance)
    implements LearningOutcome {

  @Override
  public LocalDate achievedOn() {
    return endedOn;
  }
}
