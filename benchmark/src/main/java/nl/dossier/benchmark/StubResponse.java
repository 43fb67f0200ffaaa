package nl.dossier.benchmark;

import java.util.Map;

/** What a stub answers: status, headers and body. */
record StubResponse(int status, Map<String, String> headers, ResponseTemplate body) {
  static StubResponse json(int status, String body) {
    return new StubResponse(
        status, Map.of("Content-Type", "application/json"), ResponseTemplate.fixed(body));
  }
}
