package nl.dossier.mocks;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static nl.dossier.mocks.JsonObject.object;

import java.util.ArrayList;
import java.util.List;

/**
 * Lars, the large dossier: ten diplomas and certificates, eight keuzedelen, five BPV records and
 * fifty badges, generated at start-up from the fixed tables below (no randomness).
 */
final class LargeDossier {
  static final Persona PERSONA = Persona.LARS;
  static final String EPPN = "lars.vandijk@vakschool-eemland.example.nl";

  private static final List<Award> DIPLOMAS =
      List.of(
          new Award("25249", "MBO-3", "BBL", School.ROC_B, "2013-07-05"),
          new Award("25180", "MBO-4", "BOL", School.ROC_DLL, "2015-07-03"),
          new Award("25604", "MBO-4", "BOL", School.ROC_A, "2017-07-07"),
          new Award("25627", "MBO-4", "BOL", School.EEMLAND, "2019-07-05"),
          new Award("25180", "MBO-4", "BOL", School.ROC_B, "2021-07-02"),
          new Award("25604", "MBO-4", "BOL", School.EEMLAND, "2023-06-30"));
  private static final List<Award> CERTIFICATES =
      List.of(
          new Award("25998", "MBO-2", "BOL", School.ROC_A, "2016-06-24"),
          new Award("26001", "MBO-3", "BBL", School.ROC_DLL, "2018-06-29"),
          new Award("26001", "MBO-3", "BBL", School.EEMLAND, "2022-06-24"),
          new Award("25998", "MBO-2", "BOL", School.EEMLAND, "2024-06-28"));
  private static final List<String> KEUZEDELEN =
      List.of("K1234", "K0887", "K0721", "K0080", "K0101", "K0215", "K0540", "K0968");
  private static final List<Placement> PLACEMENTS =
      List.of(
          new Placement("100077736", "25249", "2012-09-03", "2013-01-25", 480),
          new Placement("100345678", "25180", "2014-09-01", "2015-01-30", 640),
          new Placement("100077736", "25604", "2016-09-05", "2017-01-27", 800),
          new Placement("100123456", "25627", "2018-09-03", "2019-01-25", 640),
          new Placement("100345678", "26001", "2021-09-06", "2022-01-28", 400));
  private static final List<Subject> GENERIC_SUBJECTS =
      List.of(
          new Subject("3005", "Nederlandse taal"),
          new Subject("3006", "Engelse taal"),
          new Subject("3016", "Rekenen"));

  private LargeDossier() {}

  static void register(MockRegistries mocks) {
    mocks
        .server(MockRegistry.EDUID)
        .stubFor(
            get(urlPathEqualTo("/myconext/api/eduid/links"))
                .atPriority(1)
                .withHeader("Authorization", equalTo("Bearer at.myconext." + PERSONA.key()))
                .willReturn(okJson(links())));
    mocks
        .server(MockRegistry.DUO)
        .stubFor(
            get(urlPathEqualTo("/duo/mijn-diplomas/v1/resultaten"))
                .atPriority(1)
                .withHeader("Authorization", equalTo("Bearer at.duo." + PERSONA.key()))
                .willReturn(okJson(results())));
    mocks
        .server(MockRegistry.SBB)
        .stubFor(
            get(urlPathEqualTo("/sbb/v1/praktijkverklaringen"))
                .atPriority(1)
                .withHeader("x-api-key", equalTo(MockRegistries.SBB_API_KEY))
                .withHeader("Authorization", equalTo("Bearer at.sbb." + PERSONA.key()))
                .withQueryParam("eppn", equalTo(EPPN))
                .willReturn(okJson(practicalStatements())));
    LargeBadges.register(
        mocks.server(MockRegistry.EDUBADGES), mocks.baseUrl(MockRegistry.EDUBADGES));
  }

  static String links() {
    return JsonObject.toJson(
        List.of(
            object()
                .with("eppn", EPPN)
                .with("schac_home_organization", School.EEMLAND.schacHome())
                .with("preferred", true)
                .with("validated_name", PERSONA.displayName())));
  }

  static String results() {
    var results = new ArrayList<JsonObject>();
    for (Award diploma : DIPLOMAS) {
      results.add(
          award(results.size() + 1, diploma).with("generiekeExamenonderdelen", grades(diploma)));
    }
    for (Award certificate : CERTIFICATES) {
      results.add(award(results.size() + 1, certificate).with("soort", "CERTIFICAAT"));
    }
    for (int i = 0; i < KEUZEDELEN.size(); i++) {
      results.add(keuzedeel(results.size() + 1, i));
    }
    var bpv = new ArrayList<JsonObject>();
    for (Placement placement : PLACEMENTS) {
      bpv.add(placement.toJson(bpv.size() + 1));
    }
    return object()
        .with("subject", "duo-pseudo-5a6b")
        .with("peildatum", "2026-11-01")
        .with("resultaten", results)
        .with("bpv", bpv)
        .toJson();
  }

  static String practicalStatements() {
    var statements =
        List.of(
            statement("pv-5a6b0001", "Praktijkverklaring Systeembeheer", "2017-02-10", "100077736")
                .with("werkprocessen", List.of(workProcess("B1-K2-W1", "Lost incidenten op"))),
            statement("pv-5a6b0002", "Praktijkverklaring Laadpunten", "2022-02-18", "100345678")
                .with(
                    "werkprocessen", List.of(workProcess("B1-K1-W2", "Installeert en sluit aan"))));
    return object().with("praktijkverklaringen", statements).toJson();
  }

  private static JsonObject award(int number, Award award) {
    return object()
        .with("resultaatvolgnummer", number)
        .with("soort", "DIPLOMA")
        .with("opleidingcode", award.crebo())
        .with("opleidingsstelsel", "CREBO")
        .with("niveau", award.level())
        .with("leertraject", award.learningPath())
        .with("datumResultaat", award.date())
        .with("onderwijsaanbiedercode", award.school().code())
        .with("brin", award.school().brin());
  }

  private static List<JsonObject> grades(Award diploma) {
    int subjects = diploma.level().equals("MBO-4") ? 3 : 2;
    int seed = diploma.date().hashCode();
    var grades = new ArrayList<JsonObject>();
    for (int i = 0; i < subjects; i++) {
      int grade = 6 + Math.floorMod(seed + i, 4);
      grades.add(
          object()
              .with("code", GENERIC_SUBJECTS.get(i).code())
              .with("omschrijving", GENERIC_SUBJECTS.get(i).description())
              .with("eindcijfer", Integer.toString(grade))
              .with("cijferCE", (grade - 1) + ".8")
              .with("cijferIE", grade + ".2"));
    }
    return grades;
  }

  private static JsonObject keuzedeel(int number, int index) {
    School school = School.values()[index % School.values().length];
    String date = String.format("%d-%02d-15", 2013 + index * 3 / 2, 3 + index % 3 * 3);
    return object()
        .with("resultaatvolgnummer", number)
        .with("soort", "KEUZEDEEL")
        .with("codeKeuzedeel", KEUZEDELEN.get(index))
        .with("resultaat", "BEHAALD")
        .with("certificaat", true)
        .with("datumResultaat", date)
        .with("onderwijsaanbiedercode", school.code())
        .with("brin", school.brin());
  }

  private static JsonObject statement(String id, String name, String date, String companyId) {
    return object()
        .with("id", id)
        .with("type", "Achievement")
        .with("naam", name)
        .with("beschrijving", "Afgegeven door het leerbedrijf na afronding van de BPV.")
        .with("afgiftedatum", date)
        .with("leerbedrijfId", companyId)
        .with("eppn", EPPN);
  }

  private static JsonObject workProcess(String code, String title) {
    return object().with("code", code).with("titel", title);
  }

  private record Award(
      String crebo, String level, String learningPath, School school, String date) {}

  private record Subject(String code, String description) {}

  private record Placement(String companyId, String crebo, String start, String end, int hours) {
    JsonObject toJson(int number) {
      return object()
          .with("bpvVolgnummer", number)
          .with("leerbedrijfId", companyId)
          .with("opleidingcode", crebo)
          .with("datumBegin", start)
          .with("datumEindGepland", end)
          .with("datumEindWerkelijk", end)
          .with("afsluitdatum", start.substring(0, 4) + "-08-15")
          .with("omvang", hours);
    }
  }
}
