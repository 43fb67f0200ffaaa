package nl.dossier.domain;

import java.time.LocalDate;

/** An aangeboden mbo-opleiding from RIO, with the crebo code of its qualification. */
public record Programme(
    String code,
    String name,
    String learningPath,
    String level,
    LocalDate startsOn,
    String qualificationCode) {}
