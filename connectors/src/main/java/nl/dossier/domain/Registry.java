package nl.dossier.domain;

/** The registries a record can come from. */
public enum Registry {
  EDUID,
  DUO,
  EDUBADGES,
  SBB,
  RIO
}
