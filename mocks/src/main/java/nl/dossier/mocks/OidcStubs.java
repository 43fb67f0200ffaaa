package nl.dossier.mocks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static nl.dossier.mocks.JsonObject.object;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;

/** Discovery, JWKS and token endpoint of the mock eduID authorization server. */
final class OidcStubs {
  private OidcStubs() {}

  static void register(WireMockServer eduid, AuthorizationServer authorization) {
    eduid.stubFor(
        get(urlPathEqualTo("/oidc/.well-known/openid-configuration"))
            .atPriority(1)
            .willReturn(okJson(discovery(authorization.issuer()))));
    eduid.stubFor(
        get(urlPathEqualTo("/oidc/certs"))
            .atPriority(1)
            .willReturn(aResponse().withTransformers(KeySetEndpoint.NAME)));
    eduid.stubFor(
        post(urlPathEqualTo("/oidc/token"))
            .atPriority(1)
            .willReturn(aResponse().withTransformers(TokenEndpoint.NAME)));
  }

  static String discovery(String issuer) {
    return object()
        .with("issuer", issuer)
        .with("jwks_uri", issuer + "/certs")
        .with("token_endpoint", issuer + "/token")
        .with("grant_types_supported", List.of(TokenEndpoint.TOKEN_EXCHANGE, "client_credentials"))
        .with("token_endpoint_auth_methods_supported", List.of("client_secret_basic"))
        .with("id_token_signing_alg_values_supported", List.of("RS256"))
        .with("subject_types_supported", List.of("pairwise"))
        .with("claims_supported", List.of("sub", "eduid", "name", "client_id"))
        .toJson();
  }
}
