package nl.dossier.gateway.http;

import io.vertx.core.MultiMap;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** The parameters of one GraphQL-over-HTTP request, from a JSON body or a query string. */
record GraphQLRequest(String query, String operationName, Map<String, Object> variables) {

  static GraphQLRequest fromBody(String body) {
    Object parsed;
    try {
      parsed = body == null || body.isBlank() ? null : new JsonObject(body);
    } catch (DecodeException e) {
      throw new BadRequestException("The body is not a JSON object");
    }
    if (parsed == null) {
      throw new BadRequestException("The body is empty");
    }
    JsonObject json = (JsonObject) parsed;
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
