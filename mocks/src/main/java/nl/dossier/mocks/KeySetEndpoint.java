package nl.dossier.mocks;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/** {@code GET /oidc/certs}: the public keys, read at request time so that rotation shows. */
final class KeySetEndpoint implements ResponseDefinitionTransformerV2 {
  static final String NAME = "key-set-endpoint";

  private final AuthorizationServer server;

  KeySetEndpoint(AuthorizationServer server) {
    this.server = server;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    return responseDefinition()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(server.publicJwks())
        .build();
  }
}
