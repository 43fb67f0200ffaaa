package nl.dossier.domain;

/** An onderwijsaanbieder from RIO. */
public record Institution(String code, String name, String kvkNumber) {}
