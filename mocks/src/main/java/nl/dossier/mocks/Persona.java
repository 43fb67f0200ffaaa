package nl.dossier.mocks;

public enum Persona {
  MARISKA("mariska", "7d1f3c2a-5b4e-4c6d-9a8b-1e2f3a4b5c6d", "Mariska Jansen"),
  PIETER("pieter", "2b8e6f1d-3c4a-4e5b-8f7a-6d5c4b3a2f1e", "Pieter de Vries"),
  MOHAMED("mohamed", "9c4d2e1f-7a6b-4c3d-b2e1-f0a9b8c7d6e5", "Mohamed El Amrani"),
  EVA("eva", "4e5f6a7b-8c9d-4eaf-b0c1-d2e3f4a5b6c7", "Eva Bakker"),
  LARS("lars", "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d", "Lars van Dijk");

  private final String key;
  private final String sub;
  private final String displayName;

  Persona(String key, String sub, String displayName) {
    this.key = key;
    this.sub = sub;
    this.displayName = displayName;
  }

  public String key() {
    return key;
  }

  public String sub() {
    return sub;
  }

  public String displayName() {
    return displayName;
  }

  /** The persona with this eduID pseudonym, or null when there is none. */
  public static Persona findBySub(String sub) {
    for (Persona persona : values()) {
      if (persona.sub.equals(sub)) {
        return persona;
      }
    }
    return null;
  }
}
