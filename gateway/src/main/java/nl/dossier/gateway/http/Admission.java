package nl.dossier.gateway.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * When the gateway takes on work. Two measures of the requests under way, each what a request's
 * query took lately ({@link QueryLimits.Verdict}), must stay within a budget: their fields, which
 * measure memory, and the owners whose registries they read, each of which is a call to every
 * personal registry, so that the gateway's own load does not run into the registries' bulkheads and
 * come back as BUSY. Nor is work taken on while the event loop is further behind than allowed:
 * fields measure memory better than CPU, and a few CPU-heavy queries fit the field budget and still
 * keep the event loop busy for seconds. Work that may not start yet waits, in order of arrival, for
 * work under way to finish: at most {@code maxQueueWait}, and at most {@code maxQueued} requests at
 * once. Beyond either it is refused, so that overload grows neither memory nor latency without
 * bound: a waiting request holds its request only, and no registry has been asked anything for it;
 * one whose client has gone is withdrawn at once. Work of any size is taken on when nothing else is
 * under way, so that no allowed query is refused for ever.
 */
final class Admission {
  private final Vertx vertx;
  private final long maxFields;
  private final int maxOwners;
  private final int maxQueued;
  private final long maxQueueWaitMillis;
  private final LongSupplier delayNanos;
  private final long maxDelayNanos;
  private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
  private long fieldsInFlight;
  private long ownersInFlight;

  /**
   * @param delayNanos how far behind the current thread's event loop is
   */
  Admission(
      Vertx vertx,
      long maxFields,
      int maxOwners,
      int maxQueued,
      Duration maxQueueWait,
      LongSupplier delayNanos,
      Duration maxDelay) {
    this.vertx = vertx;
    this.maxFields = maxFields;
    this.maxOwners = maxOwners;
    this.maxQueued = maxQueued;
    this.maxQueueWaitMillis = Math.max(1, maxQueueWait.toMillis());
    this.delayNanos = delayNanos;
    this.maxDelayNanos = maxDelay.toNanos();
  }

  /** Thrown when work is refused; it has no stack, as it is an answer, not a fault. */
  static final class Refused extends RuntimeException {
    Refused() {
      super("refused", null, false, false);
    }
  }

  /** What a request is expected to take: at least one field; owners may be none. */
  record Weight(long fields, int owners) {
    /** What two requests together take, as the operations of a batch do. */
    Weight plus(Weight other) {
      return new Weight(fields + other.fields, owners + other.owners);
    }
  }

  /**
   * Completes, on the caller's context, when work of this weight may start; {@link #done} gives it
   * back. Fails with {@link Refused} if it may not.
   */
  Future<Void> admit(Weight weight) {
    synchronized (this) {
      if (waiting.isEmpty() && fits(weight)) {
        take(weight);
        return Future.succeededFuture();
      }
      if (waiting.size() >= maxQueued) {
        return Future.failedFuture(new Refused());
      }
      var waiter = new Waiter(weight, vertx.getOrCreateContext());
      waiter.timer = vertx.setTimer(maxQueueWaitMillis, id -> refuse(waiter));
      waiting.add(waiter);
      return waiter.promise.future();
    }
  }

  /**
   * Refuses work that still waits ({@link #admit}'s future), as for a client that has gone, so that
   * it holds no place in the queue; work already taken on gives back with {@link #done} instead.
   */
  void withdraw(Future<Void> admission) {
    Waiter withdrawn = null;
    synchronized (this) {
      for (Waiter waiter : waiting) {
        if (waiter.promise.future() == admission) {
          withdrawn = waiter;
          break;
        }
      }
    }
    if (withdrawn != null) {
      vertx.cancelTimer(withdrawn.timer);
      refuse(withdrawn);
    }
  }

  void done(Weight weight) {
    List<Waiter> admitted;
    synchronized (this) {
      fieldsInFlight -= weight.fields();
      ownersInFlight -= weight.owners();
      admitted = next();
    }
    start(admitted);
  }

  /** Takes the waiting work off the queue, in order, as far as it fits now. */
  private List<Waiter> next() {
    List<Waiter> admitted = null;
    for (Waiter next = waiting.peek(); next != null && fits(next.weight); next = waiting.peek()) {
      waiting.poll();
      take(next.weight);
      if (admitted == null) {
        admitted = new ArrayList<>();
      }
      admitted.add(next);
    }
    return admitted;
  }

  private void start(List<Waiter> admitted) {
    if (admitted != null) {
      for (Waiter waiter : admitted) {
        vertx.cancelTimer(waiter.timer);
        waiter.context.runOnContext(v -> waiter.promise.complete());
      }
    }
  }

  private boolean fits(Weight weight) {
    return fieldsInFlight == 0
        || (fieldsInFlight + weight.fields() <= maxFields
            && ownersInFlight + weight.owners() <= maxOwners
            && delayNanos.getAsLong() <= maxDelayNanos);
  }

  private void take(Weight weight) {
    fieldsInFlight += weight.fields();
    ownersInFlight += weight.owners();
  }

  /** Refuses work that waited too long or was withdrawn; what waited behind it may fit now. */
  private void refuse(Waiter waiter) {
    List<Waiter> admitted;
    synchronized (this) {
      if (!waiting.remove(waiter)) {
        return;
      }
      admitted = next();
    }
    waiter.promise.fail(new Refused());
    start(admitted);
  }

  private static final class Waiter {
    final Weight weight;
    final Context context;
    final Promise<Void> promise = Promise.promise();
    long timer;

    Waiter(Weight weight, Context context) {
      this.weight = weight;
      this.context = context;
    }
  }
}
