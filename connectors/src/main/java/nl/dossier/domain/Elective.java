package nl.dossier.domain;

/** A keuzedeel from the SBB catalogue. */
public record Elective(String code, String title, Integer studyLoad) {}
