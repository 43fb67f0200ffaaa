package nl.dossier.domain;

import java.util.List;

/** What the DUO diploma register holds for one person, read in one call. */
public record DiplomaRegister(
    List<Diploma> diplomas,
    List<MboCertificate> certificates,
    List<ElectiveResult> electives,
    List<Internship> internships) {

  public static final DiplomaRegister EMPTY =
      new DiplomaRegister(List.of(), List.of(), List.of(), List.of());
}
