package nl.dossier.mocks;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** {@code POST /oidc/token}: RFC 8693 token exchange and client credentials, HTTP Basic clients. */
final class TokenEndpoint implements ResponseDefinitionTransformerV2 {
  static final String NAME = "token-endpoint";
  static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
  static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
  static final String JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";

  private final AuthorizationServer server;

  TokenEndpoint(AuthorizationServer server) {
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
    Request request = serveEvent.getRequest();
    String clientId = authenticatedClient(request.getHeader("Authorization"));
    if (clientId == null) {
      return TokenResponses.invalidClient();
    }
    String grantType = form(request, "grant_type");
    if (grantType == null) {
      return TokenResponses.error("invalid_request");
    }
    if (TOKEN_EXCHANGE.equals(grantType)) {
      return exchange(request, clientId);
    }
    if ("client_credentials".equals(grantType)) {
      return TokenResponses.clientToken(server.clientToken(clientId));
    }
    return TokenResponses.error("unsupported_grant_type");
  }

  private ResponseDefinition exchange(Request request, String clientId) {
    String subjectToken = form(request, "subject_token");
    String subjectTokenType = form(request, "subject_token_type");
    if (subjectToken == null || !isAccessToken(subjectTokenType)) {
      return TokenResponses.error("invalid_request");
    }
    String audience = form(request, "audience");
    if (!AuthorizationServer.EXCHANGE_AUDIENCES.contains(audience)) {
      return TokenResponses.error("invalid_target");
    }
    Persona owner =
        JWT_TOKEN_TYPE.equals(subjectTokenType)
            ? server.verifiedAssertion(subjectToken, clientId)
            : server.verifiedOwner(subjectToken);
    if (owner == null) {
      return TokenResponses.error("invalid_grant");
    }
    return TokenResponses.exchanged("at." + audience + "." + owner.key());
  }

  private String authenticatedClient(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded = decodeBase64(authorization.substring(6).trim());
    int colon = decoded == null ? -1 : decoded.indexOf(':');
    if (colon < 0) {
      return null;
    }
    String clientId = urlDecode(decoded.substring(0, colon));
    String secret = urlDecode(decoded.substring(colon + 1));
    return server.authenticates(clientId, secret) ? clientId : null;
  }

  private static boolean isAccessToken(String tokenType) {
    return ACCESS_TOKEN_TYPE.equals(tokenType) || JWT_TOKEN_TYPE.equals(tokenType);
  }

  private static String form(Request request, String name) {
    FormParameter parameter = request.formParameter(name);
    return parameter == null || !parameter.isPresent() ? null : parameter.firstValue();
  }

  private static String decodeBase64(String value) {
    try {
      return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String urlDecode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
