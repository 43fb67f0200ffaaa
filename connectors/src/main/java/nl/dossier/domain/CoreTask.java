package nl.dossier.domain;

import java.util.List;

/** A kerntaak with its werkprocessen. */
public record CoreTask(String code, String title, List<WorkProcess> workProcesses) {}
