package nl.dossier.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.dossier.mocks.Persona;

/** Creating shares through the owner's GraphQL API, for tests. */
final class SharingTestSupport {
  private SharingTestSupport() {}

  static String share(
      GatewayFixture gateway, Persona owner, String party, String purpose, Set<String> fields) {
    Map<String, Object> input =
        Map.of(
            "party",
            party,
            "fields",
            List.copyOf(fields),
            "purpose",
            purpose,
            "expiresAt",
            Instant.now().plusSeconds(3600).toString());
    JsonObject answer =
        gateway.query(
            "Bearer " + gateway.token(owner),
            "mutation($input: CreateShareInput!) { createShare(input: $input) { share { id } } }",
            Map.of("input", input));
    assertThat(answer.getJsonArray("errors")).as(answer.encode()).isNull();
    return answer
        .getJsonObject("data")
        .getJsonObject("createShare")
        .getJsonObject("share")
        .getString("id");
  }
}
