package nl.dossier.domain;

import java.time.LocalDate;

/** An mbo-certificate from the DUO register. */
public record MboCertificate(
    String code, String level, LocalDate achievedOn, String institutionCode, Provenance provenance)
    implements LearningOutcome {}
