package nl.dossier.gateway.policy;

/**
 * One question to the policy: may this field be read under this access?
 *
 * @param access under what the dossier is being read; null means nothing is known, which denies
 * @param coordinate the schema coordinate, e.g. {@code Diploma.grades}
 */
public record PolicyRequest(Access access, String coordinate) {}
