package nl.dossier.connectors;

import io.netty.handler.codec.http.QueryStringEncoder;
import io.vertx.core.MultiMap;
import io.vertx.core.http.ClientForm;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One request to a registry, made by {@link Upstream}: a URI below its base URL, headers, a form.
 */
public final class RegistryRequest {
  private final RequestOptions options;
  private final QueryStringEncoder uri;
  private ClientForm form;

  RegistryRequest(HttpMethod method, String uri, long timeoutMillis) {
    this.options =
        new RequestOptions()
            .setMethod(method)
            // the wait for a connection; the exchange after it has Upstream's own timer, so no
            // idle timeout (a second timer per call) is set
            .setConnectTimeout(timeoutMillis)
            .putHeader(HttpHeaders.USER_AGENT, "dossier-gateway");
    this.uri = new QueryStringEncoder(uri);
  }

  /**
   * A value as one path segment: percent-encoded, dots included, so that an identifier a caller
   * passed can never climb out of the path it is put in.
   */
  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace(".", "%2E");
  }

  /** Adds a query parameter; a name may be added more than once. */
  public RegistryRequest query(String name, String value) {
    uri.addParam(name, value);
    return this;
  }

  public RegistryRequest header(CharSequence name, String value) {
    options.putHeader(name, value);
    return this;
  }

  public RegistryRequest bearer(String accessToken) {
    return header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
  }

  public RegistryRequest basic(String user, String password) {
    String pair = user + ":" + password;
    return header(
        HttpHeaders.AUTHORIZATION,
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
  }

  /** Sends this form, {@code application/x-www-form-urlencoded}, as the body. */
  public RegistryRequest form(MultiMap fields) {
    this.form = ClientForm.form(fields);
    return this;
  }

  RequestOptions options() {
    return options.setAbsoluteURI(uri.toString());
  }

  ClientForm form() {
    return form;
  }
}
