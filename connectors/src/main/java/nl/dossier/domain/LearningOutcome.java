package nl.dossier.domain;

import java.time.LocalDate;

/** Something a learner achieved, from any registry. */
public interface LearningOutcome {
  /** The day it was achieved; null for what is still running (an internship in progress). */
  LocalDate achievedOn();

  Provenance provenance();
}
