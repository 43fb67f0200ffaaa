package nl.dossier.mocks;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

final class TokenResponses {
  static final int EXCHANGED_TOKEN_SECONDS = 300;

  private TokenResponses() {}

  static ResponseDefinition exchanged(String accessToken) {
    return json(200)
        .withBody(
            "{\"access_token\":\""
                + accessToken
                + "\",\"issued_token_type\":\""
                + TokenEndpoint.ACCESS_TOKEN_TYPE
                + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + EXCHANGED_TOKEN_SECONDS
                + "}")
        .build();
  }

  static ResponseDefinition clientToken(String jwt) {
    long seconds = AuthorizationServer.CLIENT_TOKEN_VALIDITY.toSeconds();
    return json(200)
        .withBody(
            "{\"access_token\":\""
                + jwt
                + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + seconds
                + "}")
        .build();
  }

  static ResponseDefinition invalidClient() {
    return json(401)
        .withHeader("WWW-Authenticate", "Basic realm=\"eduid\"")
        .withBody("{\"error\":\"invalid_client\"}")
        .build();
  }

  static ResponseDefinition error(String code) {
    return json(400).withBody("{\"error\":\"" + code + "\"}").build();
  }

  private static ResponseDefinitionBuilder json(int status) {
    return responseDefinition()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("Cache-Control", "no-store");
  }
}
