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

  /**
   * @param base the registry's base URL, as {@link #base} read it
   * @param path the path below it
   */
  RegistryRequest(HttpMethod method, RequestOptions base, String path, long timeoutMillis) {
    this.options =
        new RequestOptions()
            .setMethod(method)
            .setHost(base.getHost())
            .setPort(base.getPort())
            .setSsl(base.isSsl())
            // the wait for a connection; the exchange after it has Upstream's own timer, so no
            // idle timeout (a second timer per call) is set
            .setConnectTimeout(timeoutMillis)
            .putHeader(HttpHeaders.USER_AGENT, "dossier-gateway");
    this.uri = new QueryStringEncoder(base.getURI().equals("/") ? path : base.getURI() + path);
  }

  /**
   * A base URL's host, port, scheme and path, read once by Vert.x as it reads an absolute URI, so
   * that a request below it is not parsed as a URL again (that was 0.5 % of the event loops' time
   * for the owner's dossier; BENCHMARKS.md, session 10).
   */
  static RequestOptions base(String baseUrl) {
    return new RequestOptions().setAbsoluteURI(baseUrl);
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
    String path = uri.toString();
    return options.setURI(path.startsWith("/") ? path : "/" + path);
  }

  ClientForm form() {
    return form;
  }
}
