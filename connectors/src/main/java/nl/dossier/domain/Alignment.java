package nl.dossier.domain;

/** An alignment of a badge class to a framework such as EQF or ECTS. */
public record Alignment(String framework, String targetName, String targetCode) {}
