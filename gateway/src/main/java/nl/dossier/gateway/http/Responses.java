package nl.dossier.gateway.http;

import graphql.ExecutionResult;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
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

  /** Sends one result; returns how many fields it had ({@link ResponseJson.Encoded#fields}). */
  int result(ExecutionResult result) {
    int status = result.isDataPresent() || MediaTypes.JSON.equals(mediaType) ? 200 : 400;
    return send(status, body(result));
  }

  /**
   * A batch: an array of results, 200 whatever each holds; returns how many fields each had ({@link
   * ResponseJson.Encoded#fields}).
   */
  int[] batch(List<ExecutionResult> results) {
    Buffer body = Buffer.buffer().appendByte((byte) '[');
    int[] fields = new int[results.size()];
    for (int i = 0; i < fields.length; i++) {
      ResponseJson.Encoded encoded = ResponseJson.encode(body(results.get(i)).getMap());
      if (i > 0) {
        body.appendByte((byte) ',');
      }
      body.appendBuffer(encoded.buffer());
      fields[i] = encoded.fields();
    }
    body.appendByte((byte) ']');
    end(200, body);
    return fields;
  }

  private JsonObject body(ExecutionResult result) {
    return withCorrelationIds(new JsonObject(result.toSpecification()));
  }

  /** Every error carries the request's correlation id, which is also in the log and a header. */
  private JsonObject withCorrelationIds(JsonObject body) {
    JsonArray errors = body.getJsonArray("errors");
    if (errors == null) {
      return body;
    }
    String id = correlationId(rc);
    for (int i = 0; i < errors.size(); i++) {
      JsonObject error = errors.getJsonObject(i);
      JsonObject extensions = error.getJsonObject("extensions");
      if (extensions == null) {
        extensions = new JsonObject();
        error.put("extensions", extensions);
      }
      extensions.put("correlationId", id);
      if (!extensions.containsKey("code")) {
        extensions.put("code", code(extensions.getString("classification")));
      }
    }
    return body;
  }

  private static String code(String classification) {
    if ("InvalidSyntax".equals(classification)) {
      return "GRAPHQL_PARSE_FAILED";
    }
    if ("ValidationError".equals(classification)) {
      return "GRAPHQL_VALIDATION_FAILED";
    }
    return "BAD_REQUEST";
  }

  void error(int status, String code, String message) {
    send(status, errors(message, Map.of("code", code, "correlationId", correlationId(rc))));
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

  private int send(int status, JsonObject body) {
    ResponseJson.Encoded encoded = ResponseJson.encode(body.getMap());
    end(status, encoded.buffer());
    return encoded.fields();
  }

  private void end(int status, Buffer body) {
    correlationId(rc);
    String type = mediaType == null ? MediaTypes.JSON : mediaType;
    rc.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, type + "; charset=utf-8")
        .end(body);
  }
}
