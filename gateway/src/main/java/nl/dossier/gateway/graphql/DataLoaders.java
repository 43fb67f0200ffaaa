package nl.dossier.gateway.graphql;

import graphql.schema.DataFetchingEnvironment;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import nl.dossier.domain.Elective;
import nl.dossier.domain.Institution;
import nl.dossier.domain.Programme;
import nl.dossier.domain.RecognisedCompany;
import nl.dossier.domain.Registry;
import nl.dossier.gateway.policy.Grant;
import nl.dossier.gateway.policy.GrantCache;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.Try;

/**
 * Per-request loaders. Public reference data: each distinct code is asked of RIO or SBB once per
 * request, however many records refer to it; the registries have no batch endpoints, so a batch
 * becomes one call per distinct key, all in parallel, sent as soon as the code is known. Grants:
 * the shares a query names side by side (a party's aliased {@code dossier} fields) are looked up in
 * one go, on the event loop's next turn ({@link GrantCache}; those it does not keep, in one read of
 * the store). graphql-java's own dispatching per level is turned off ({@link GraphQLFactory}): its
 * bookkeeping on every field cost more than it bought.
 */
final class DataLoaders {
  static final String INSTITUTION = "institution";
  static final String PROGRAMMES = "programmes";
  static final String QUALIFICATION = "qualification";
  static final String ELECTIVE = "elective";
  static final String COMPANY = "company";
  static final String GRANT = "grant";

  private DataLoaders() {}

  static DataLoaderRegistry create(
      Registries registries, GrantCache grants, RequestDeadline deadline) {
    var catalogue = new QualificationCatalogue(registries);
    var rio = registries.rio();
    var sbb = registries.sbb();
    return DataLoaderRegistry.newRegistry()
        .register(
            INSTITUTION,
            loader(code -> optional(deadline.bound(Registry.RIO, rio.findInstitution(code)))))
        .register(PROGRAMMES, loader(code -> deadline.bound(Registry.RIO, rio.programmes(code))))
        .register(QUALIFICATION, loader(code -> catalogue.find(code, deadline)))
        .register(
            ELECTIVE,
            loader(code -> optional(deadline.bound(Registry.SBB, sbb.findElective(code)))))
        .register(
            COMPANY, loader(id -> optional(deadline.bound(Registry.SBB, sbb.findCompany(id)))))
        .register(GRANT, grants(grants))
        .build();
  }

  static CompletableFuture<Institution> institution(DataFetchingEnvironment env, String code) {
    return load(env, INSTITUTION, code);
  }

  static CompletableFuture<List<Programme>> programmes(DataFetchingEnvironment env, String code) {
    return load(env, PROGRAMMES, code);
  }

  static CompletableFuture<QualificationDetails> qualification(
      DataFetchingEnvironment env, String crebo) {
    return load(env, QUALIFICATION, crebo);
  }

  static CompletableFuture<Elective> elective(DataFetchingEnvironment env, String code) {
    return load(env, ELECTIVE, code);
  }

  static CompletableFuture<RecognisedCompany> company(DataFetchingEnvironment env, String id) {
    return load(env, COMPANY, id);
  }

  private static <V> CompletableFuture<V> load(
      DataFetchingEnvironment env, String loader, String key) {
    if (key == null) {
      return CompletableFuture.completedFuture(null);
    }
    DataLoader<String, V> dataLoader = env.getDataLoader(loader);
    CompletableFuture<V> value = dataLoader.load(key);
    dataLoader.dispatch();
    return value;
  }

  /**
   * The grant with this id, if any. The first grant asked for schedules the read for the event
   * loop's next turn; graphql-java calls the fetchers of one level in one go, so by then the fields
   * beside it have asked for theirs, and all are read together.
   */
  static CompletableFuture<Optional<Grant>> grant(DataFetchingEnvironment env, String id) {
    DataLoader<String, Optional<Grant>> grants = env.getDataLoader(GRANT);
    CompletableFuture<Optional<Grant>> grant = grants.load(id);
    if (grants.dispatchDepth() == 1) {
      Context context = Vertx.currentContext();
      if (context == null) {
        grants.dispatch();
      } else {
        context.runOnContext(ignored -> grants.dispatch());
      }
    }
    return grant;
  }

  private static DataLoader<String, Optional<Grant>> grants(GrantCache grants) {
    return DataLoaderFactory.newDataLoader(
        (List<String> ids) ->
            grants
                .findAll(ids)
                .map(found -> ids.stream().map(id -> Optional.ofNullable(found.get(id))).toList())
                .toCompletionStage());
  }

  private static <V> Future<V> optional(Future<Optional<V>> found) {
    return found.map(value -> value.orElse(null));
  }

  private static <V> DataLoader<String, V> loader(Function<String, Future<V>> fetch) {
    return DataLoaderFactory.newDataLoaderWithTry(
        (List<String> keys) -> {
          var pending = new ArrayList<Future<V>>(keys.size());
          keys.forEach(key -> pending.add(fetch.apply(key)));
          return Future.join(pending)
              .transform(ignored -> Future.succeededFuture(tries(pending)))
              .toCompletionStage();
        });
  }

  private static <V> List<Try<V>> tries(List<Future<V>> outcomes) {
    var tries = new ArrayList<Try<V>>(outcomes.size());
    for (Future<V> outcome : outcomes) {
      tries.add(
          outcome.succeeded() ? Try.succeeded(outcome.result()) : Try.failed(outcome.cause()));
    }
    return tries;
  }
}
