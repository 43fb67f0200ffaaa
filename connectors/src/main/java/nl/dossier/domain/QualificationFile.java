package nl.dossier.domain;

import java.util.List;

/** A kwalificatiedossier from SBB with its kerntaken. */
public record QualificationFile(String code, String title, List<CoreTask> coreTasks) {}
