package nl.dossier.connectors;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;
import nl.dossier.domain.Registry;

/** One registry's HTTP plumbing: requests with the configured timeout and status handling. */
public final class Upstream {
  private final Registry registry;
  private final WebClient client;
  private final ConnectorConfig config;
  private final Clock clock;

  public Upstream(Registry registry, WebClient client, ConnectorConfig config, Clock clock) {
    this.registry = registry;
    this.client = client;
    this.config = config;
    this.clock = clock;
  }

  public Registry registry() {
    return registry;
  }

  public ConnectorConfig config() {
    return config;
  }

  /** The time a record read now is stamped with. */
  public OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  /** A GET on a path below the base URL, with the timeout set. */
  public HttpRequest<Buffer> get(String path) {
    return client.getAbs(config.baseUrl() + path).timeout(config.timeout().toMillis());
  }

  /** A POST on a path below the base URL, with the timeout set. */
  public HttpRequest<Buffer> post(String path) {
    return client.postAbs(config.baseUrl() + path).timeout(config.timeout().toMillis());
  }

  /** Sends and maps a 200 JSON object; any other status fails. */
  public <T> Future<T> object(HttpRequest<Buffer> request, Function<JsonObject, T> mapper) {
    return request
        .send()
        .map(response -> parse(ok(response), r -> mapper.apply(r.bodyAsJsonObject())));
  }

  /** Sends and maps a 200 JSON array; any other status fails. */
  public <T> Future<T> array(HttpRequest<Buffer> request, Function<JsonArray, T> mapper) {
    return request
        .send()
        .map(response -> parse(ok(response), r -> mapper.apply(r.bodyAsJsonArray())));
  }

  /** Sends and maps a 200 JSON object; 404 is empty, any other status fails. */
  public <T> Future<Optional<T>> find(HttpRequest<Buffer> request, Function<JsonObject, T> mapper) {
    return request
        .send()
        .map(
            response -> {
              if (response.statusCode() == 404) {
                return Optional.empty();
              }
              return Optional.of(parse(ok(response), r -> mapper.apply(r.bodyAsJsonObject())));
            });
  }

  private HttpResponse<Buffer> ok(HttpResponse<Buffer> response) {
    if (response.statusCode() != 200) {
      throw UpstreamException.ofStatus(registry, response.statusCode());
    }
    return response;
  }

  private <T> T parse(HttpResponse<Buffer> response, Function<HttpResponse<Buffer>, T> mapper) {
    try {
      T value = mapper.apply(response);
      if (value == null) {
        throw UpstreamException.badResponse(registry);
      }
      return value;
    } catch (DecodeException | ClassCastException | IllegalArgumentException e) {
      throw UpstreamException.badResponse(registry);
    } catch (RuntimeException e) {
      if (e instanceof UpstreamException) {
        throw e;
      }
      throw UpstreamException.badResponse(registry);
    }
  }
}
