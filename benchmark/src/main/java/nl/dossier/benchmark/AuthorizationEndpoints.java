package nl.dossier.benchmark;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.dossier.mocks.MockRegistries;
import nl.dossier.mocks.Persona;

/**
 * The stub eduID authorization server below {@code /oidc}: discovery, JWKS and the token endpoint
 * (RFC 8693 token exchange for owner access tokens and the gateway's assertions, and client
 * credentials), with the mocks' clients and answers.
 */
final class AuthorizationEndpoints {
  static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
  static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
  static final String JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";
  private static final List<String> AUDIENCES = List.of("myconext", "duo", "edubadges", "sbb");
  private static final Map<String, String> SECRETS =
      Map.of(
          MockRegistries.GATEWAY_CLIENT_ID, MockRegistries.GATEWAY_CLIENT_SECRET,
          MockRegistries.COACH_CLIENT_ID, MockRegistries.COACH_CLIENT_SECRET,
          MockRegistries.EMPLOYER_CLIENT_ID, MockRegistries.EMPLOYER_CLIENT_SECRET,
          MockRegistries.INTAKE_CLIENT_ID, MockRegistries.INTAKE_CLIENT_SECRET);

  private final TokenIssuer issuer;
  private final StubResponse jwks;
  private final StubResponse discovery;

  AuthorizationEndpoints(TokenIssuer issuer) {
    this.issuer = issuer;
    this.jwks = StubResponse.json(200, issuer.publicJwks());
    this.discovery = StubResponse.json(200, discovery(issuer.issuer()).encode());
  }

  /** The answer for a request below {@code /oidc}, or null for any other path. */
  StubResponse answer(StubRequest request, Buffer body) {
    return switch (request.path()) {
      case "/oidc/certs" -> jwks;
      case "/oidc/.well-known/openid-configuration" -> discovery;
      case "/oidc/token" -> request.method().equals("POST") ? token(request, body) : null;
      default -> null;
    };
  }

  private StubResponse token(StubRequest request, Buffer body) {
    String client = authenticatedClient(request.headers().get("Authorization"));
    if (client == null) {
      return error(401, "invalid_client");
    }
    Map<String, String> form = form(body.toString(StandardCharsets.UTF_8));
    String grantType = form.get("grant_type");
    if ("client_credentials".equals(grantType)) {
      return tokens(
          new JsonObject()
              .put("access_token", issuer.clientToken(client))
              .put("token_type", "Bearer")
              .put("expires_in", 3600));
    }
    if (!TOKEN_EXCHANGE.equals(grantType)) {
      return error(400, grantType == null ? "invalid_request" : "unsupported_grant_type");
    }
    return exchange(client, form);
  }

  private StubResponse exchange(String client, Map<String, String> form) {
    String subjectToken = form.get("subject_token");
    String type = form.get("subject_token_type");
    if (subjectToken == null || !(ACCESS_TOKEN_TYPE.equals(type) || JWT_TOKEN_TYPE.equals(type))) {
      return error(400, "invalid_request");
    }
    String audience = form.get("audience");
    if (!AUDIENCES.contains(audience)) {
      return error(400, "invalid_target");
    }
    Persona owner =
        JWT_TOKEN_TYPE.equals(type)
            ? assertedOwner(client, subjectToken)
            : issuer.verifiedOwner(subjectToken);
    if (owner == null) {
      return error(400, "invalid_grant");
    }
    return tokens(
        new JsonObject()
            .put("access_token", "at." + audience + "." + owner.key())
            .put("issued_token_type", ACCESS_TOKEN_TYPE)
            .put("token_type", "Bearer")
            .put("expires_in", 300));
  }

  private static Persona assertedOwner(String client, String assertion) {
    return MockRegistries.GATEWAY_CLIENT_ID.equals(client)
        ? TokenIssuer.assertedOwner(assertion)
        : null;
  }

  private static StubResponse tokens(JsonObject body) {
    return new StubResponse(
        200,
        Map.of("Content-Type", "application/json", "Cache-Control", "no-store"),
        ResponseTemplate.fixed(body.encode()));
  }

  private static StubResponse error(int status, String error) {
    var headers = new HashMap<String, String>();
    headers.put("Content-Type", "application/json");
    headers.put("Cache-Control", "no-store");
    if (status == 401) {
      headers.put("WWW-Authenticate", "Basic realm=\"eduid\"");
    }
    String body = new JsonObject().put("error", error).encode();
    return new StubResponse(status, Map.copyOf(headers), ResponseTemplate.fixed(body));
  }

  private static String authenticatedClient(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      byte[] bytes = Base64.getDecoder().decode(authorization.substring(6).trim());
      decoded = new String(bytes, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return null;
    }
    String client = decode(decoded.substring(0, colon));
    String secret = decode(decoded.substring(colon + 1));
    return secret.equals(SECRETS.get(client)) ? client : null;
  }

  private static Map<String, String> form(String body) {
    var form = new HashMap<String, String>();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        form.putIfAbsent(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
      }
    }
    return form;
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  private static JsonObject discovery(String issuer) {
    return new JsonObject()
        .put("issuer", issuer)
        .put("jwks_uri", issuer + "/certs")
        .put("token_endpoint", issuer + "/token")
        .put("grant_types_supported", new JsonArray().add(TOKEN_EXCHANGE).add("client_credentials"))
        .put("token_endpoint_auth_methods_supported", new JsonArray().add("client_secret_basic"))
        .put("id_token_signing_alg_values_supported", new JsonArray().add("RS256"));
  }
}
