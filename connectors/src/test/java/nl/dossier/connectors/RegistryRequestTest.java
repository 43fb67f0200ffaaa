package nl.dossier.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.Test;

/** A request below a base URL goes where that URL and path, read as one absolute URI, would. */
class RegistryRequestTest {
  @Test
  void aRequestGoesWhereItsAbsoluteUriWould() {
    for (String base :
        new String[] {
          "http://127.0.0.1:8089",
          "https://registry.example:8443/api/v2",
          "https://[::1]/oidc/token"
        }) {
      for (String path :
          new String[] {"", "/resultaten", "/personen/" + RegistryRequest.segment("a b.c")}) {
        for (boolean query : new boolean[] {false, true}) {
          var request = new RegistryRequest(HttpMethod.GET, RegistryRequest.base(base), path, 1000);
          String absolute = base + path;
          if (query) {
            request.query("peildatum", "2024-06-30").query("q", "a&b");
            absolute += "?peildatum=2024-06-30&q=a%26b";
          }
          RequestOptions expected = new RequestOptions().setAbsoluteURI(absolute);
          RequestOptions options = request.options();
          assertThat(options.getHost()).as(absolute).isEqualTo(expected.getHost());
          assertThat(options.getPort()).as(absolute).isEqualTo(expected.getPort());
          assertThat(options.isSsl()).as(absolute).isEqualTo(expected.isSsl());
          assertThat(options.getURI()).as(absolute).isEqualTo(expected.getURI());
        }
      }
    }
  }
}
