package nl.dossier.domain;

import java.time.LocalDate;

/** A keuzedeel result from the DUO register. */
public record ElectiveResult(
    String code, String result, LocalDate achievedOn, String institutionCode, Provenance provenance)
    implements LearningOutcome {}
