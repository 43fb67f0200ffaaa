package nl.dossier.mocks;

import static nl.dossier.mocks.Http.array;
import static nl.dossier.mocks.Http.get;
import static nl.dossier.mocks.Http.object;
import static nl.dossier.mocks.Http.postForm;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

/** Calls the running mocks the way the connectors do, with each registry's credentials. */
final class RegistryClient {
  private final MockRegistries mocks;

  RegistryClient(MockRegistries mocks) {
    this.mocks = mocks;
  }

  String url(MockRegistry registry, String path) {
    return mocks.baseUrl(registry) + path;
  }

  HttpResponse<String> links(Persona persona) {
    return get(url(MockRegistry.EDUID, "/myconext/api/eduid/links"), bearer("myconext", persona));
  }

  HttpResponse<String> results(Persona persona) {
    return get(url(MockRegistry.DUO, "/duo/mijn-diplomas/v1/resultaten"), bearer("duo", persona));
  }

  HttpResponse<String> badgeInstances(Persona persona) {
    return get(
        url(MockRegistry.EDUBADGES, "/mobile/api/badge-instances"),
        "Authorization",
        "Bearer at.edubadges." + persona.key(),
        "X-Requested-With",
        "mobile");
  }

  HttpResponse<String> assertion(String entityId) {
    return get(url(MockRegistry.EDUBADGES, "/public/assertions/" + entityId));
  }

  HttpResponse<String> statements(Persona persona, List<String> eppns) {
    var query = new StringBuilder();
    for (String eppn : eppns) {
      query.append(query.length() == 0 ? "?" : "&").append("eppn=").append(eppn);
    }
    return get(
        url(MockRegistry.SBB, "/sbb/v1/praktijkverklaringen" + query),
        "x-api-key",
        MockRegistries.SBB_API_KEY,
        "Authorization",
        "Bearer at.sbb." + persona.key());
  }

  List<Object> statementsForAllLinks(Persona persona) {
    List<String> eppns =
        array(links(persona)).stream().map(link -> (String) object(link).get("eppn")).toList();
    return array(object(statements(persona, eppns)).get("praktijkverklaringen"));
  }

  HttpResponse<String> rio(String path) {
    return get(
        url(MockRegistry.RIO, "/api/rio/v2" + path), "x-api-key", MockRegistries.RIO_API_KEY);
  }

  HttpResponse<String> sbb(String path) {
    return get(url(MockRegistry.SBB, path), "x-api-key", MockRegistries.SBB_API_KEY);
  }

  List<Object> programmes(String institution, int page) {
    var response =
        rio(
            "/aangeboden-mbo-opleidingen?onderwijsaanbieder="
                + institution
                + "&page="
                + page
                + "&pageSize=100");
    return array(object(object(response).get("_embedded")).get("aangeboden-mbo-opleidingen"));
  }

  String tokenUrl() {
    return mocks.issuer() + "/token";
  }

  HttpResponse<String> token(String clientId, String secret, Map<String, String> form) {
    return postForm(tokenUrl(), clientId, secret, form);
  }

  HttpResponse<String> exchange(String secret, String subjectToken, String audience) {
    return token(
        MockRegistries.GATEWAY_CLIENT_ID,
        secret,
        Map.of(
            "grant_type",
            TokenEndpoint.TOKEN_EXCHANGE,
            "subject_token",
            subjectToken,
            "subject_token_type",
            TokenEndpoint.ACCESS_TOKEN_TYPE,
            "audience",
            audience));
  }

  JWKSet servedKeys() throws ParseException {
    return JWKSet.parse(get(url(MockRegistry.EDUID, "/oidc/certs")).body());
  }

  static String[] bearer(String audience, Persona persona) {
    return new String[] {"Authorization", "Bearer at." + audience + "." + persona.key()};
  }
}
