package nl.dossier.mocks;

import static nl.dossier.mocks.Http.array;
import static nl.dossier.mocks.Http.object;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows every code in one persona's DUO, Edubadges and SBB data to RIO and SBB and asserts that
 * it resolves, so that a persona with a dangling code fails the build.
 */
final class ReferenceCheck {
  private final RegistryClient registries;
  private final Persona persona;
  private final Set<String> workProcesses = new HashSet<>();

  ReferenceCheck(RegistryClient registries, Persona persona) {
    this.registries = registries;
    this.persona = persona;
  }

  void run() {
    var duo = object(registries.results(persona));
    assertThat(duo).as("DUO of %s", persona).containsKey("resultaten");
    array(duo.get("resultaten")).forEach(result -> checkResult(object(result)));
    array(duo.get("bpv")).forEach(bpv -> checkPlacement(object(bpv)));
    array(registries.badgeInstances(persona)).forEach(badge -> checkBadge(object(badge)));
    registries.statementsForAllLinks(persona).forEach(pv -> checkStatement(object(pv)));
  }

  private void checkResult(Map<String, Object> result) {
    String institution = (String) result.get("onderwijsaanbiedercode");
    assertThat(institution).matches("\\d{3}A\\d{3}");
    assertResolves(registries.rio("/onderwijsaanbieders/" + institution), institution);
    if ("KEUZEDEEL".equals(result.get("soort"))) {
      String code = (String) result.get("codeKeuzedeel");
      assertThat(code).matches("K\\d{4}");
      assertResolves(registries.sbb("/sbb/v1/keuzedelen/" + code), code);
      return;
    }
    String crebo = (String) result.get("opleidingcode");
    checkQualification(crebo);
    assertThat(offeredCrebos(institution))
        .as("%s offers crebo %s of %s", institution, crebo, persona)
        .contains("/mbo-kwalificaties/" + crebo);
  }

  private List<Object> offeredCrebos(String institution) {
    return registries.programmes(institution, 0).stream()
        .map(programme -> object(programme).get("_links"))
        .map(links -> object(object(links).get("mboKwalificatie")).get("href"))
        .toList();
  }

  private void checkQualification(String crebo) {
    assertThat(crebo).matches("\\d{5}");
    assertResolves(registries.rio("/mbo-kwalificaties/" + crebo), crebo);
    var file = registries.sbb("/sbb/v1/kwalificatiedossiers?crebocode=" + crebo);
    assertResolves(file, "KD of " + crebo);
    List<Object> coreTasks = array(object(file).get("kerntaken"));
    assertThat(coreTasks).as("kerntaken of %s", crebo).hasSizeBetween(2, 3);
    for (Object coreTask : coreTasks) {
      assertThat((String) object(coreTask).get("code")).matches("[BP]\\d-K\\d");
      List<Object> processes = array(object(coreTask).get("werkprocessen"));
      assertThat(processes).as("werkprocessen of %s", crebo).hasSizeBetween(2, 3);
      processes.forEach(process -> workProcesses.add((String) object(process).get("code")));
    }
    assertThat(workProcesses).allMatch(code -> code.matches("[BP]\\d-K\\d-W\\d"));
  }

  private void checkPlacement(Map<String, Object> bpv) {
    String company = (String) bpv.get("leerbedrijfId");
    String crebo = (String) bpv.get("opleidingcode");
    assertThat(company).matches("\\d{9}");
    var response = registries.sbb("/sbb/v1/leerbedrijven/" + company);
    assertResolves(response, company);
    checkQualification(crebo);
    assertThat(array(object(response).get("erkenningen")))
        .as("%s is recognised for %s", company, crebo)
        .anyMatch(recognition -> crebo.equals(object(recognition).get("crebocode")));
  }

  private void checkBadge(Map<String, Object> badge) {
    String id = (String) badge.get("entity_id");
    assertThat(id).matches("[A-Za-z0-9_-]{22}");
    assertResolves(registries.assertion(id), id);
  }

  private void checkStatement(Map<String, Object> statement) {
    String company = (String) statement.get("leerbedrijfId");
    assertResolves(registries.sbb("/sbb/v1/leerbedrijven/" + company), company);
    for (Object process : array(statement.get("werkprocessen"))) {
      assertThat(workProcesses)
          .as("work processes in the KDs of %s", persona)
          .contains((String) object(process).get("code"));
    }
  }

  private void assertResolves(HttpResponse<String> response, String code) {
    assertThat(response.statusCode()).as("%s referenced by %s", code, persona).isEqualTo(200);
  }
}
