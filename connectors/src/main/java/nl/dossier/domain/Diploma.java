package nl.dossier.domain;

import java.time.LocalDate;
import java.util.List;

/** A diploma from the DUO register; institution and qualification are codes to enrich. */
public record Diploma(
    String code,
    String level,
    String learningPath,
    LocalDate achievedOn,
    String institutionCode,
    List<ExamGrade> grades,
    Provenance provenance)
    implements LearningOutcome {}
