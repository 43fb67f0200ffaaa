package nl.dossier.gateway.graphql;

import java.util.List;
import nl.dossier.domain.CoreTask;

/** A qualification as the schema shows it: the RIO kwalificatie joined with its SBB dossier. */
record QualificationDetails(
    String code,
    String title,
    String level,
    Integer studyLoad,
    String qualificationFileCode,
    String qualificationFileTitle,
    List<CoreTask> coreTasks) {}
