package nl.dossier.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import nl.dossier.gateway.Demo;
import nl.dossier.mocks.MockRegistries;
import org.junit.jupiter.api.Test;

class JwksCacheIT {

  @Test
  void keysAnswerOnTheCallersEventLoopNotOnTheOneThatFetchedThem() throws Exception {
    MockRegistries mocks = MockRegistries.start();
    Vertx vertx = Vertx.vertx();
    try {
      String jwksUrl = Demo.configJson(mocks, 0).getJsonObject("auth").getString("jwksUrl");
      var jwks = new JwksCache(vertx, WebClient.create(vertx), jwksUrl, Duration.ofSeconds(10));
      // given two event loops, and the keys fetched on the first
      List<Context> loops = eventLoops(vertx, 2);
      Thread fetcher = onLoop(loops.get(0), () -> jwks.start(Duration.ofMinutes(10)));
      Thread reader = onLoop(loops.get(1), () -> Future.succeededFuture());
      assertThat(reader).isNotEqualTo(fetcher);
      // when a request on the second asks for them
      Thread answered = onLoop(loops.get(1), jwks::keys);
      // then its callbacks run where it runs, not where the keys were fetched
      assertThat(answered).isEqualTo(reader);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
      mocks.close();
    }
  }

  /** Contexts on as many different event loops (Vert.x hands out event loops in turn). */
  private static List<Context> eventLoops(Vertx vertx, int count) throws Exception {
    var contexts = new CopyOnWriteArrayList<Context>();
    vertx
        .deployVerticle(
            () ->
                (Deployable)
                    context -> {
                      contexts.add(context);
                      return Future.succeededFuture();
                    },
            new DeploymentOptions().setInstances(count))
        .await(10, TimeUnit.SECONDS);
    return contexts;
  }

  /** Runs the call on the context; the thread its result's callback ran on. */
  private static Thread onLoop(Context context, Supplier<Future<?>> call) throws Exception {
    var thread = new CompletableFuture<Thread>();
    context.runOnContext(
        ignored ->
            call.get()
                .onComplete(
                    outcome -> {
                      if (outcome.failed()) {
                        thread.completeExceptionally(outcome.cause());
                      } else {
                        thread.complete(Thread.currentThread());
                      }
                    }));
    return thread.get(10, TimeUnit.SECONDS);
  }
}
