package nl.dossier.mocks;

public enum MockRegistry {
  EDUID("eduid"),
  DUO("duo"),
  EDUBADGES("edubadges"),
  RIO("rio"),
  SBB("sbb");

  private final String key;

  MockRegistry(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  String classpathRoot() {
    return "mocks/" + key;
  }
}
