package nl.dossier.domain;

/** An mbo-kwalificatie from RIO. */
public record Qualification(
    String code, String title, String level, Integer studyLoad, String qualificationFileCode) {}
