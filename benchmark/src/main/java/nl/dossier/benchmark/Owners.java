package nl.dossier.benchmark;

import nl.dossier.mocks.Persona;

/**
 * Who a token's subject is. Besides the personas' own pseudonyms, the stubs accept stand-in owners,
 * {@code <persona sub>+<n>}: distinct learners to the gateway, served the persona's records by the
 * stubs, so that a party can read many different dossiers.
 */
final class Owners {
  private static final char SEPARATOR = '+';

  private Owners() {}

  /** The n-th stand-in owner's pseudonym; its records are those of the n-th persona in turn. */
  static String standIn(int n) {
    return persona(n).sub() + SEPARATOR + n;
  }

  static Persona persona(int n) {
    return Persona.values()[n % Persona.values().length];
  }

  /** The persona whose records a subject is served, or null when it is none. */
  static Persona find(String sub) {
    if (sub == null) {
      return null;
    }
    int separator = sub.indexOf(SEPARATOR);
    return Persona.findBySub(separator < 0 ? sub : sub.substring(0, separator));
  }
}
