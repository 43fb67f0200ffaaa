package nl.dossier.gateway.http;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The parameters of one GraphQL-over-HTTP request, from a JSON body or a query string. */
record GraphQLRequest(String query, String operationName, Map<String, Object> variables) {

  /**
   * The operations of a POST body: one JSON object, or a JSON array of them (a batch).
   *
   * @param batch whether the body was an array, whose answer is an array too
   */
  record Body(List<GraphQLRequest> operations, boolean batch) {}

  /**
   * Reads a POST body. It is parsed from its UTF-8 bytes, without decoding it into a string first;
   * bytes that are not UTF-8 are not JSON.
   */
  static Body fromBody(Buffer body, int maxBatch) {
    if (body == null || body.length() == 0) {
      throw new BadRequestException("The body is empty");
    }
    Object parsed;
    try {
      parsed = Json.decodeValue(body);
    } catch (DecodeException e) {
      throw new BadRequestException("The body is not JSON");
    }
    if (parsed instanceof JsonObject json) {
      return new Body(List.of(fromJson(json)), false);
    }
    if (!(parsed instanceof JsonArray batch) || batch.isEmpty()) {
      throw new BadRequestException("The body must be a JSON object, or a non-empty array of them");
    }
    if (batch.size() > maxBatch) {
      throw new BadRequestException(
          400, "BATCH_TOO_LARGE", "A batch may hold at most " + maxBatch + " operations");
    }
    var requests = new ArrayList<GraphQLRequest>(batch.size());
    for (Object entry : batch) {
      if (!(entry instanceof JsonObject json)) {
        throw new BadRequestException("Every entry of a batch must be a JSON object");
      }
      requests.add(fromJson(json));
    }
    return new Body(requests, true);
  }

  private static GraphQLRequest fromJson(JsonObject json) {
    return new GraphQLRequest(
        text(json.getValue("query"), "query"),
        optionalText(json.getValue("operationName"), "operationName"),
        variables(json.getValue("variables")));
  }

  static GraphQLRequest fromParams(MultiMap params) {
    String variables = params.get("variables");
    Object parsedVariables;
    try {
      parsedVariables = variables == null ? null : new JsonObject(variables);
    } catch (DecodeException e) {
      throw new BadRequestException("variables is not a JSON object");
    }
    return new GraphQLRequest(
        text(params.get("query"), "query"),
        optionalText(params.get("operationName"), "operationName"),
        variables(parsedVariables));
  }

  private static String text(Object value, String name) {
    if (!(value instanceof String text) || text.isBlank()) {
      throw new BadRequestException(name + " must be a non-empty string");
    }
    return text;
  }

  private static String optionalText(Object value, String name) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw new BadRequestException(name + " must be a string");
    }
    return text;
  }

  private static Map<String, Object> variables(Object value) {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof JsonObject json)) {
      throw new BadRequestException("variables must be a JSON object");
    }
    return json.getMap();
  }
}
