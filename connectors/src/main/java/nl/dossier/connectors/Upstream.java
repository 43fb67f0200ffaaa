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
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.dossier.domain.Registry;

/**
 * One registry's HTTP plumbing: every call has the configured timeout and runs under the registry's
 * {@link Resilience}; statuses, transport failures and unparseable bodies become {@link
 * UpstreamException}s that say nothing of what the registry answered.
 */
public final class Upstream {
  private final Registry registry;
  private final Supplier<WebClient> client;
  private final ConnectorConfig config;
  private final Resilience resilience;
  private final Clock clock;

  /**
   * @param client the web client to call with from the current thread (the gateway gives each event
   *     loop its own, so that a call's connection lives on the event loop that makes the call)
   */
  public Upstream(
      Registry registry,
      Supplier<WebClient> client,
      ConnectorConfig config,
      Resilience resilience,
      Clock clock) {
    this.registry = registry;
    this.client = client;
    this.config = config;
    this.resilience = resilience;
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
    return client.get().getAbs(config.baseUrl() + path).timeout(config.timeout().toMillis());
  }

  /** A POST on a path below the base URL, with the timeout set. */
  public HttpRequest<Buffer> post(String path) {
    return client.get().postAbs(config.baseUrl() + path).timeout(config.timeout().toMillis());
  }

  /** GETs and maps a 200 JSON object; any other status fails. Retried when it fails. */
  public <T> Future<T> object(HttpRequest<Buffer> request, Function<JsonObject, T> mapper) {
    return read(request, response -> parse(ok(response), r -> mapper.apply(r.bodyAsJsonObject())));
  }

  /** GETs and maps a 200 JSON array; any other status fails. Retried when it fails. */
  public <T> Future<T> array(HttpRequest<Buffer> request, Function<JsonArray, T> mapper) {
    return read(request, response -> parse(ok(response), r -> mapper.apply(r.bodyAsJsonArray())));
  }

  /** GETs and maps a 200 JSON object; 404 is empty, any other status fails. */
  public <T> Future<Optional<T>> find(HttpRequest<Buffer> request, Function<JsonObject, T> mapper) {
    return read(
        request,
        response -> {
          if (response.statusCode() == 404) {
            return Optional.empty();
          }
          return Optional.of(parse(ok(response), r -> mapper.apply(r.bodyAsJsonObject())));
        });
  }

  /** Sends a request that must not be repeated (a POST), guarded but never retried. */
  public <T> Future<T> once(
      Function<HttpRequest<Buffer>, Future<HttpResponse<Buffer>>> send,
      HttpRequest<Buffer> request,
      Function<JsonObject, T> mapper) {
    return resilience.execute(
        false,
        () ->
            send.apply(request)
                .recover(this::transportFailure)
                .map(response -> parse(ok(response), r -> mapper.apply(r.bodyAsJsonObject()))));
  }

  private <T> Future<T> read(
      HttpRequest<Buffer> request, Function<HttpResponse<Buffer>, T> mapper) {
    return resilience.execute(
        true, () -> request.send().recover(this::transportFailure).map(mapper));
  }

  private <T> Future<T> transportFailure(Throwable failure) {
    if (failure instanceof TimeoutException) {
      return Future.failedFuture(UpstreamException.timedOut(registry));
    }
    return Future.failedFuture(UpstreamException.unreachable(registry));
  }

  private HttpResponse<Buffer> ok(HttpResponse<Buffer> response) {
    if (response.statusCode() != 200) {
      throw UpstreamException.ofStatus(
          registry, response.statusCode(), retryAfter(response.getHeader("Retry-After")));
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
    } catch (UpstreamException e) {
      throw e;
    } catch (DecodeException | ClassCastException | IllegalArgumentException e) {
      throw UpstreamException.badResponse(registry);
    } catch (RuntimeException e) {
      throw UpstreamException.badResponse(registry);
    }
  }

  /** A {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
  Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
    } catch (NumberFormatException e) {
      return retryAfterDate(header.trim());
    }
  }

  private Duration retryAfterDate(String header) {
    try {
      var at = ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
