package nl.dossier.domain;

/** A generic exam result (generiek examenonderdeel). */
public record ExamGrade(
    String code,
    String subject,
    String finalGrade,
    String centralExamGrade,
    String institutionExamGrade) {}
