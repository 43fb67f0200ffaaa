package nl.dossier.domain;

/** A werkproces, e.g. B1-K1-W1. */
public record WorkProcess(String code, String title) {}
