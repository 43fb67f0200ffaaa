package nl.dossier.domain;

import java.util.List;

/** An erkend leerbedrijf from SBB. */
public record RecognisedCompany(
    String id, String name, String kvkNumber, String city, List<Recognition> recognitions) {}
