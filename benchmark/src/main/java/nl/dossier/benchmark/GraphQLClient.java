package nl.dossier.benchmark;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Posts GraphQL requests to the gateway, as a given caller. */
final class GraphQLClient {
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI endpoint;

  GraphQLClient(String gatewayUrl) {
    this.endpoint = URI.create(gatewayUrl + "/graphql");
  }

  /** The answer: HTTP status, body size in bytes and the parsed body. */
  record Answer(int status, int bytes, JsonObject body) {}

  Answer post(String token, JsonObject request) {
    var post =
        HttpRequest.newBuilder(endpoint)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Accept", "application/graphql-response+json")
            .POST(HttpRequest.BodyPublishers.ofString(request.encode()))
            .build();
    try {
      HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Answer(response.statusCode(), body.length(), new JsonObject(body));
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach the gateway at " + endpoint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The {@code data} of a request that must succeed without errors. */
  JsonObject data(String token, JsonObject request) {
    Answer answer = post(token, request);
    if (answer.status() != 200 || answer.body().containsKey("errors")) {
      throw new IllegalStateException(
          "the gateway answered " + answer.status() + ": " + answer.body().encode());
    }
    return answer.body().getJsonObject("data");
  }
}
