package nl.dossier.gateway.http;

import graphql.ExecutionResult;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Writes GraphQL-over-HTTP responses: status, media type, correlation id, error shape. */
final class Responses {
  static final String CORRELATION_HEADER = "X-Correlation-Id";
  private static final String CORRELATION_KEY = "correlationId";
  private static final Logger LOG = Logger.getLogger(Responses.class.getName());

  private final RoutingContext rc;
  private final String mediaType;

  Responses(RoutingContext rc) {
    this.rc = rc;
    this.mediaType = MediaTypes.negotiate(rc);
  }

  /** The request's correlation id, made on first use and sent back in a header. */
  static String correlationId(RoutingContext rc) {
    String id = rc.get(CORRELATION_KEY);
    if (id == null) {
      id = UUID.randomUUID().toString();
      rc.put(CORRELATION_KEY, id);
      rc.response().putHeader(CORRELATION_HEADER, id);
    }
    return id;
  }

  String mediaType() {
    return mediaType;
  }

  void result(ExecutionResult result) {
    int status = result.isDataPresent() || MediaTypes.JSON.equals(mediaType) ? 200 : 400;
    send(status, new JsonObject(result.toSpecification()));
  }

  void error(int status, String code, String message) {
    send(status, errors(message, Map.of("code", code)));
  }

  void unauthenticated(String message) {
    rc.response()
        .putHeader(
            "WWW-Authenticate",
            "Bearer realm=\"dossier\", error=\"invalid_token\", error_description=\""
                + message
                + "\"");
    error(401, "UNAUTHENTICATED", message);
  }

  void internal(Throwable failure) {
    String id = correlationId(rc);
    LOG.log(Level.SEVERE, failure, () -> "[" + id + "] request failed");
    send(
        500,
        errors(
            "Internal error; quote correlation id " + id,
            Map.of("code", "INTERNAL", "correlationId", id)));
  }

  void policyUnavailable(Throwable failure) {
    String id = correlationId(rc);
    LOG.log(
        Level.SEVERE,
        failure,
        () -> "[" + id + "] disclosure could not be logged; answer withheld");
    send(
        503,
        errors(
            "The disclosure could not be logged, so nothing is disclosed; quote correlation id "
                + id,
            Map.of("code", "POLICY_UNAVAILABLE", "correlationId", id)));
  }

  private static JsonObject errors(String message, Map<String, Object> extensions) {
    return new JsonObject()
        .put(
            "errors",
            new JsonArray()
                .add(new JsonObject().put("message", message).put("extensions", extensions)));
  }

  private void send(int status, JsonObject body) {
    correlationId(rc);
    String type = mediaType == null ? MediaTypes.JSON : mediaType;
    rc.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, type + "; charset=utf-8")
        .end(body.encode());
  }
}
