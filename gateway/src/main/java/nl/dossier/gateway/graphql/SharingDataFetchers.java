package nl.dossier.gateway.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.dossier.connectors.eduid.SubjectToken;
import nl.dossier.gateway.auth.Caller;
import nl.dossier.gateway.error.DossierErrorType;
import nl.dossier.gateway.error.Errors;
import nl.dossier.gateway.policy.Access;
import nl.dossier.gateway.policy.Disclosure;
import nl.dossier.gateway.policy.DisclosureLog;
import nl.dossier.gateway.policy.DisclosureQuery;
import nl.dossier.gateway.policy.Grant;
import nl.dossier.gateway.policy.GrantPolicyEngine;
import nl.dossier.gateway.policy.GrantStore;
import nl.dossier.gateway.policy.ShareException;
import nl.dossier.gateway.policy.ShareRequest;
import nl.dossier.gateway.policy.SharingCatalog;
import nl.dossier.gateway.policy.SharingService;

/** The sharing fields: the owner's shares, preview and log; the party's shared dossiers. */
final class SharingDataFetchers {
  private static final Logger LOG = Logger.getLogger(SharingDataFetchers.class.getName());
  private static final int MAX_PAGE = 100;

  private final SharingService sharing;
  private final GrantStore store;
  private final SharingCatalog catalog;
  private final Function<Grant, Function<String, String>> assertions;
  private final Clock clock;

  /**
   * @param assertions for a grant and the reader's id, the subject token that token exchange
   *     accepts to read the owner's registries on the reader's behalf
   */
  SharingDataFetchers(
      SharingService sharing,
      GrantStore store,
      SharingCatalog catalog,
      Function<Grant, Function<String, String>> assertions,
      Clock clock) {
    this.sharing = sharing;
    this.store = store;
    this.catalog = catalog;
    this.assertions = assertions;
    this.clock = clock;
  }

  DataFetcher<?> shares() {
    return owner((env, owner) -> sharing.shares(owner.subject()).map(this::views));
  }

  DataFetcher<?> share() {
    return owner(
        (env, owner) -> sharing.owned(owner.subject(), env.getArgument("id")).map(this::view));
  }

  DataFetcher<?> preview() {
    return owner(
        (env, owner) ->
            sharing
                .owned(owner.subject(), env.getArgument("shareId"))
                .map(
                    grant ->
                        DataFetcherResult.<Dossier>newResult()
                            .data(
                                RequestContext.scope(env.getGraphQlContext())
                                    .dossier(
                                        owner.subject(),
                                        () -> SubjectToken.accessToken(owner.accessToken())))
                            .localContext(
                                new Access.GrantAccess(grant, grant.purpose(), clock.instant()))
                            .build()));
  }

  DataFetcher<?> disclosures() {
    return owner(
        (env, owner) -> {
          Map<String, Object> filter = env.getArgumentOrDefault("filter", Map.of());
          int first =
              Math.max(1, Math.min(MAX_PAGE, env.<Integer>getArgumentOrDefault("first", 20)));
          int offset = offset(env.getArgument("after"));
          var query =
              new DisclosureQuery(
                  owner.subject(),
                  (String) filter.get("shareId"),
                  (String) filter.get("party"),
                  instant(filter.get("from")),
                  instant(filter.get("to")),
                  first + 1,
                  offset);
          return store.disclosures(query).map(entries -> page(entries, first, offset));
        });
  }

  DataFetcher<?> sharingGroups() {
    return env ->
        catalog.groups().entrySet().stream()
            .map(
                group ->
                    Map.of(
                        "name",
                        group.getKey(),
                        "coordinates",
                        group.getValue().stream().sorted().toList()))
            .toList();
  }

  DataFetcher<?> sharedWithMe() {
    return env -> {
      Caller caller = RequestContext.caller(env.getGraphQlContext());
      Future<List<Grant>> grants;
      if (caller instanceof Caller.Party party) {
        grants = store.byParty(party.id());
      } else if (caller instanceof Caller.LinkHolder link) {
        grants = store.find(link.grantId()).map(found -> found.stream().toList());
      } else {
        return forbidden(env, "Only parties and share-link holders have dossiers shared with them");
      }
      Instant now = clock.instant();
      return grants
          .<Object>map(
              list ->
                  list.stream()
                      .filter(g -> g.activeAt(now) && audienceOf(g, caller))
                      .map(g -> shared(env, caller, g, now))
                      .toList())
          .recover(failure -> Future.succeededFuture(policyUnavailable(env, failure)))
          .toCompletionStage();
    };
  }

  DataFetcher<?> dossier() {
    return env -> {
      Caller caller = RequestContext.caller(env.getGraphQlContext());
      String shareId = env.getArgument("shareId");
      String purpose = env.getArgument("purpose");
      if (!(caller instanceof Caller.Party) && !(caller instanceof Caller.LinkHolder)) {
        return forbidden(
            env, "Only parties and share-link holders read shared dossiers; owners use me");
      }
      Instant now = clock.instant();
      return Future.fromCompletionStage(DataLoaders.grant(env, shareId))
          .<Object>map(found -> open(env, caller, found, purpose, now))
          .recover(failure -> Future.succeededFuture(policyUnavailable(env, failure)))
          .toCompletionStage();
    };
  }

  DataFetcher<?> createShare() {
    return owner(
        (env, owner) ->
            sharing
                .create(owner.subject(), request(env.getArgument("input")))
                .map(created -> new CreatedShareView(view(created.grant()), created.linkToken())));
  }

  DataFetcher<?> updateShare() {
    return owner(
        (env, owner) ->
            sharing
                .update(owner.subject(), env.getArgument("id"), request(env.getArgument("input")))
                .map(this::view));
  }

  DataFetcher<?> revokeShare() {
    return owner(
        (env, owner) -> sharing.revoke(owner.subject(), env.getArgument("id")).map(this::view));
  }

  DataFetcher<?> ownerName() {
    return env -> {
      SharedDossier shared = env.getSource();
      if (!shared.access().grant().fields().contains("Person.name")) {
        return null;
      }
      DisclosureLog log = env.getGraphQlContext().get(DisclosureLog.class);
      if (log != null) {
        log.record(shared.access(), "Person.name");
      }
      return dossierFor(env, shared.access().grant(), shared.caller())
          .links()
          .map(PersonDataFetchers::validatedName)
          .toCompletionStage();
    };
  }

  /** A share as the schema's {@code CreatedShare} shows it; the link token is shown this once. */
  record CreatedShareView(ShareView share, String linkToken) {}

  /**
   * A dossier in a party's list. Its registries are read (and a token for them obtained) only if
   * the owner's name is asked and shared.
   */
  record SharedDossier(
      String shareId,
      String purpose,
      OffsetDateTime expiresAt,
      Caller caller,
      Access.GrantAccess access) {}

  private SharedDossier shared(
      DataFetchingEnvironment env, Caller caller, Grant grant, Instant now) {
    var access = new Access.GrantAccess(grant, grant.purpose(), now);
    opened(env, access);
    return new SharedDossier(
        grant.id(), grant.purpose(), ShareView.utc(grant.expiresAt()), caller, access);
  }

  private DataFetcherResult<Dossier> open(
      DataFetchingEnvironment env,
      Caller caller,
      Optional<Grant> found,
      String purpose,
      Instant now) {
    if (found.isEmpty() || !audienceOf(found.get(), caller)) {
      return DataFetcherResult.<Dossier>newResult().error(noShare(env)).build();
    }
    Grant grant = found.get();
    if (!grant.activeAt(now) || !GrantPolicyEngine.samePurpose(grant.purpose(), purpose)) {
      DisclosureLog log = env.getGraphQlContext().get(DisclosureLog.class);
      if (log != null) {
        log.refused(grant.owner(), grant.id(), purpose);
      }
      return DataFetcherResult.<Dossier>newResult().error(noShare(env)).build();
    }
    var access = new Access.GrantAccess(grant, purpose, now);
    opened(env, access);
    return DataFetcherResult.<Dossier>newResult()
        .data(dossierFor(env, grant, caller))
        .localContext(access)
        .build();
  }

  private Dossier dossierFor(DataFetchingEnvironment env, Grant grant, Caller caller) {
    String actor = caller instanceof Caller.Party party ? party.id() : "link:" + grant.id();
    return RequestContext.scope(env.getGraphQlContext())
        .dossier(grant.owner(), () -> SubjectToken.assertion(assertions.apply(grant).apply(actor)));
  }

  private static boolean audienceOf(Grant grant, Caller caller) {
    if (caller instanceof Caller.Party party) {
      return party.id().equals(grant.party());
    }
    return caller instanceof Caller.LinkHolder link
        && grant.isLink()
        && link.grantId().equals(grant.id());
  }

  private static void opened(DataFetchingEnvironment env, Access.GrantAccess access) {
    DisclosureLog log = env.getGraphQlContext().get(DisclosureLog.class);
    if (log != null) {
      log.open(access);
    }
  }

  private static graphql.GraphQLError noShare(DataFetchingEnvironment env) {
    return Errors.of(
        env, DossierErrorType.WITHHELD, "No active share with this id for you and this purpose");
  }

  private <T> DataFetcherResult<T> policyUnavailable(
      DataFetchingEnvironment env, Throwable failure) {
    String id = RequestContext.correlationId(env.getGraphQlContext());
    LOG.log(
        Level.WARNING, failure, () -> "[" + id + "] sharing policy could not be evaluated; denied");
    return DataFetcherResult.<T>newResult()
        .error(
            Errors.of(
                env,
                DossierErrorType.POLICY_UNAVAILABLE,
                "Sharing could not be checked, so access is denied; quote correlation id " + id))
        .build();
  }

  private interface OwnerFetcher {
    Future<?> get(DataFetchingEnvironment env, Caller.Owner owner);
  }

  private DataFetcher<?> owner(OwnerFetcher fetcher) {
    return env -> {
      if (!(RequestContext.caller(env.getGraphQlContext()) instanceof Caller.Owner owner)) {
        return forbidden(env, "Only the owner may use this field");
      }
      Future<?> pending;
      try {
        pending = fetcher.get(env, owner);
      } catch (ShareException e) {
        pending = Future.failedFuture(e);
      }
      CompletionStage<Object> result =
          pending
              .<Object>map(value -> value)
              .recover(failure -> Future.succeededFuture(shareFailure(env, failure)))
              .toCompletionStage();
      return result;
    };
  }

  private Object shareFailure(DataFetchingEnvironment env, Throwable failure) {
    if (failure instanceof ShareException share) {
      DossierErrorType type = DossierErrorType.valueOf(share.code());
      return DataFetcherResult.newResult().error(Errors.of(env, type, share.getMessage())).build();
    }
    return policyUnavailable(env, failure);
  }

  private static DataFetcherResult<Object> forbidden(DataFetchingEnvironment env, String message) {
    return DataFetcherResult.newResult()
        .error(Errors.of(env, DossierErrorType.FORBIDDEN, message))
        .build();
  }

  @SuppressWarnings("unchecked")
  private static ShareRequest request(Map<String, Object> input) {
    OffsetDateTime expiresAt = (OffsetDateTime) input.get("expiresAt");
    return new ShareRequest(
        (String) input.get("party"),
        Boolean.TRUE.equals(input.get("link")),
        (List<String>) input.get("fields"),
        (String) input.get("purpose"),
        expiresAt == null ? null : expiresAt.toInstant());
  }

  private ShareView view(Grant grant) {
    return ShareView.of(grant, clock.instant());
  }

  private List<ShareView> views(List<Grant> grants) {
    Instant now = clock.instant();
    return grants.stream().map(g -> ShareView.of(g, now)).toList();
  }

  /** One page of the disclosure log, as the schema's {@code DisclosurePage} shows it. */
  record DisclosurePageView(List<DisclosureView> entries, String nextCursor) {}

  /** One disclosure, as the schema's {@code Disclosure} shows it. */
  record DisclosureView(
      OffsetDateTime at,
      String shareId,
      String party,
      String purpose,
      List<String> coordinates,
      boolean denied) {
    static DisclosureView of(Disclosure d) {
      return new DisclosureView(
          ShareView.utc(d.at()),
          d.grantId(),
          d.party(),
          d.purpose(),
          d.coordinates().stream().sorted().toList(),
          d.denied());
    }
  }

  private static DisclosurePageView page(List<Disclosure> entries, int first, int offset) {
    boolean more = entries.size() > first;
    List<DisclosureView> shown = entries.stream().limit(first).map(DisclosureView::of).toList();
    return new DisclosurePageView(shown, more ? cursor(offset + first) : null);
  }

  private static String cursor(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String cursor) {
    if (cursor == null) {
      return 0;
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      return Math.max(0, Integer.parseInt(decoded.substring(2)));
    } catch (RuntimeException e) {
      throw ShareException.invalid("after is not a cursor from this API");
    }
  }

  private static Instant instant(Object value) {
    return value instanceof OffsetDateTime time ? time.toInstant() : null;
  }
}
