package nl.dossier.gateway.graphql;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import nl.dossier.connectors.Timeouts;
import nl.dossier.connectors.UpstreamException;
import nl.dossier.domain.Registry;

/**
 * The moment a request must be answered by. Registry calls still under way then are reported as
 * timed out, so that a hung registry holds no response longer than the deadline; the calls
 * themselves end by their own timeout.
 */
public final class RequestDeadline {
  private final Promise<Void> expired = Promise.promise();
  private final Timeouts.Timeout timeout;

  private RequestDeadline(Timeouts deadlines) {
    this.timeout = deadlines.start(expired::tryComplete);
  }

  /** A deadline that starts now, of the length of {@code deadlines}. */
  public static RequestDeadline start(Timeouts deadlines) {
    return new RequestDeadline(deadlines);
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

  /** The request is answered; the deadline no longer runs. */
  public void cancel() {
    timeout.stop();
  }
}
