package nl.dossier.connectors;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientForm;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
  private final Supplier<HttpClient> client;
  private final ConnectorConfig config;
  private final Resilience resilience;
  private final Clock clock;
  private final RequestOptions base;
  private final Timeouts timeouts;

  /**
   * @param client the HTTP client to call with from the current thread (the gateway gives each
   *     event loop its own, so that a call's connection lives on the event loop that makes the
   *     call)
   */
  public Upstream(
      Vertx vertx,
      Registry registry,
      Supplier<HttpClient> client,
      ConnectorConfig config,
      Resilience resilience,
      Clock clock) {
    this.registry = registry;
    this.client = client;
    this.config = config;
    this.resilience = resilience;
    this.clock = clock;
    this.base = RegistryRequest.base(config.baseUrl());
    this.timeouts = new Timeouts(vertx, config.timeout());
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
  public RegistryRequest get(String path) {
    return new RegistryRequest(HttpMethod.GET, base, path, timeoutMillis());
  }

  /** A POST on a path below the base URL, with the timeout set. */
  public RegistryRequest post(String path) {
    return new RegistryRequest(HttpMethod.POST, base, path, timeoutMillis());
  }

  /** GETs and maps a 200 JSON object; any other status fails. Retried when it fails. */
  public <T> Future<T> object(RegistryRequest request, Function<JsonObject, T> mapper) {
    return read(request, answer -> mapObject(answer, mapper));
  }

  /** GETs and maps a 200 JSON array; any other status fails. Retried when it fails. */
  public <T> Future<T> array(RegistryRequest request, Function<JsonArray, T> mapper) {
    return read(request, answer -> parse(ok(answer), body -> mapper.apply(new JsonArray(body))));
  }

  /** GETs and maps a 200 JSON object; 404 is empty, any other status fails. */
  public <T> Future<Optional<T>> find(RegistryRequest request, Function<JsonObject, T> mapper) {
    return read(
        request,
        answer -> {
          if (answer.status() == 404) {
            return Optional.empty();
          }
          return Optional.of(mapObject(answer, mapper));
        });
  }

  /** Sends a request that must not be repeated (a POST), guarded but never retried. */
  public <T> Future<T> once(RegistryRequest request, Function<JsonObject, T> mapper) {
    RequestOptions options = request.options();
    return resilience.execute(
        false,
        connected ->
            exchange(options, request.form(), connected).map(answer -> mapObject(answer, mapper)));
  }

  /** A 200 answer's JSON object, mapped; any other status or body fails. */
  private <T> T mapObject(Answer answer, Function<JsonObject, T> mapper) {
    return parse(ok(answer), body -> mapper.apply(new JsonObject(body)));
  }

  private <T> Future<T> read(RegistryRequest request, Function<Answer, T> mapper) {
    RequestOptions options = request.options();
    return resilience.execute(
        true, connected -> exchange(options, request.form(), connected).map(mapper));
  }

  /**
   * One exchange on a pooled connection. The request future completes when the pool has lent a
   * connection: only from then on is the registry answering, so that is when {@code connected} runs
   * (and the breaker's clock starts).
   */
  private Future<Answer> exchange(RequestOptions options, ClientForm form, Runnable connected) {
    return client
        .get()
        .request(options)
        .compose(
            request -> {
              connected.run();
              return answer(request, form);
            })
        .recover(this::transportFailure);
  }

  /**
   * Sends the request and reads the whole answer within the timeout. Past it the request is reset:
   * a registry that dribbles its answer times out like one that does not answer.
   */
  private Future<Answer> answer(HttpClientRequest request, ClientForm form) {
    Promise<Answer> answer = Promise.promise();
    Timeouts.Timeout timeout =
        timeouts.start(
            () -> {
              answer.tryFail(UpstreamException.timedOut(registry));
              request.reset();
            });
    var sent = form == null ? request.send() : request.send(form);
    sent.compose(
            response ->
                body(response)
                    .map(
                        body ->
                            new Answer(
                                response.statusCode(),
                                response.getHeader(HttpHeaders.RETRY_AFTER),
                                body)))
        .onComplete(
            outcome -> {
              timeout.stop();
              if (outcome.succeeded()) {
                answer.tryComplete(outcome.result());
              } else {
                answer.tryFail(outcome.cause());
              }
            });
    return answer.future();
  }

  /**
   * The whole body, up to {@code maxResponseBytes}: a longer one, announced by its length or found
   * as it arrives, is a bad response, and its connection is closed rather than read to the end.
   */
  private Future<Buffer> body(HttpClientResponse response) {
    int limit = config.maxResponseBytes();
    long announced = announcedLength(response);
    if (announced > limit) {
      response.request().reset();
      return Future.failedFuture(UpstreamException.badResponse(registry));
    }
    Promise<Buffer> body = Promise.promise();
    var received = new Received(announced);
    response.handler(
        chunk -> {
          if (received.length() + chunk.length() > limit) {
            body.tryFail(UpstreamException.badResponse(registry));
            response.request().reset();
          } else {
            received.add(chunk);
          }
        });
    response.exceptionHandler(body::tryFail);
    response.endHandler(end -> body.tryComplete(received.all()));
    return body.future();
  }

  /**
   * The chunks of a body as they arrive. A body that comes in one chunk, as most registry answers
   * do, is kept as that chunk; only a second chunk makes a buffer to gather them in.
   */
  private static final class Received {
    private final long announced;
    private Buffer body = Buffer.buffer(0);
    private boolean gathering;

    Received(long announced) {
      this.announced = announced;
    }

    int length() {
      return body.length();
    }

    void add(Buffer chunk) {
      if (body.length() == 0) {
        body = chunk;
        return;
      }
      if (!gathering) {
        body = Buffer.buffer((int) Math.max(announced, 2L * body.length())).appendBuffer(body);
        gathering = true;
      }
      body.appendBuffer(chunk);
    }

    Buffer all() {
      return body;
    }
  }

  /**
   * The {@code Content-Length}, or -1 when there is none or it cannot be read (then the body is
   * counted as it arrives).
   */
  private static long announcedLength(HttpClientResponse response) {
    String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length == null) {
      return -1;
    }
    try {
      return Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private long timeoutMillis() {
    return config.timeout().toMillis();
  }

  private <T> Future<T> transportFailure(Throwable failure) {
    if (failure instanceof UpstreamException) {
      return Future.failedFuture(failure);
    }
    if (failure instanceof TimeoutException) {
      return Future.failedFuture(UpstreamException.timedOut(registry));
    }
    return Future.failedFuture(UpstreamException.unreachable(registry));
  }

  /** What a registry answered: the status, its {@code Retry-After}, and the whole body. */
  private record Answer(int status, String retryAfter, Buffer body) {}

  private Buffer ok(Answer answer) {
    if (answer.status() != 200) {
      throw UpstreamException.ofStatus(registry, answer.status(), retryAfter(answer.retryAfter()));
    }
    return answer.body();
  }

  private <T> T parse(Buffer body, Function<Buffer, T> mapper) {
    try {
      T value = mapper.apply(body);
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
