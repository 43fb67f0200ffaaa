package nl.dossier.gateway.graphql;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import nl.dossier.connectors.UpstreamException;
import nl.dossier.domain.Registry;

/**
 * The moment a request must be answered by. Registry calls still under way then are reported as
 * timed out, so that a hung registry holds no response longer than the deadline; the calls
 * themselves end by their own timeout.
 */
public final class RequestDeadline {
  private final Vertx vertx;
  private final Promise<Void> expired = Promise.promise();
  private final long timer;

  private RequestDeadline(Vertx vertx, Duration limit) {
    this.vertx = vertx;
    this.timer = vertx.setTimer(limit.toMillis(), id -> expired.tryComplete());
  }

  public static RequestDeadline start(Vertx vertx, Duration limit) {
    return new RequestDeadline(vertx, limit);
  }

  /** The call's outcome, or a TIMED_OUT failure naming the registry if the deadline comes first. */
  public <T> Future<T> bound(Registry registry, Future<T> call) {
    if (call.isComplete()) {
      return call;
    }
    Promise<T> bounded = Promise.promise();
    call.onComplete(
        outcome -> {
          if (outcome.succeeded()) {
            bounded.tryComplete(outcome.result());
          } else {
            bounded.tryFail(outcome.cause());
          }
        });
    expired.future().onSuccess(ignored -> bounded.tryFail(UpstreamException.timedOut(registry)));
    return bounded.future();
  }

  /** The request is answered; the timer is no longer needed. */
  public void cancel() {
    vertx.cancelTimer(timer);
  }
}
