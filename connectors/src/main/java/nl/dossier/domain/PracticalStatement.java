package nl.dossier.domain;

import java.time.LocalDate;
import java.util.List;

/** A praktijkverklaring issued through SBB. */
public record PracticalStatement(
    String id,
    String title,
    String description,
    LocalDate achievedOn,
    String companyId,
    List<WorkProcess> workProcesses,
    Provenance provenance)
    implements LearningOutcome {}
