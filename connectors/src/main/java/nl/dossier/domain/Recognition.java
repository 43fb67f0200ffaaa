package nl.dossier.domain;

import java.time.LocalDate;
import java.util.List;

/** An erkenning of a training company for one qualification. */
public record Recognition(
    String qualificationCode,
    List<String> learningPaths,
    String status,
    LocalDate since,
    LocalDate until) {}
