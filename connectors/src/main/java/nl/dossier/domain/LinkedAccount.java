package nl.dossier.domain;

/**
 * An institution account linked to an eduID; the eppn is the join key to school-side registries.
 */
public record LinkedAccount(
    String eppn, String schacHomeOrganization, boolean preferred, String validatedName) {}
