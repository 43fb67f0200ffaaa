package nl.dossier.gateway.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import nl.dossier.connectors.eduid.SubjectToken;
import nl.dossier.gateway.auth.Caller;
import nl.dossier.gateway.error.DossierErrorType;
import nl.dossier.gateway.error.Errors;
import nl.dossier.gateway.policy.Access;

/** The root fields: the caller's own dossier and the public reference lookups. */
final class QueryDataFetchers {
  DataFetcher<DataFetcherResult<Dossier>> me() {
    return env -> {
      Caller caller = RequestContext.caller(env.getGraphQlContext());
      if (!(caller instanceof Caller.Owner owner)) {
        return DataFetcherResult.<Dossier>newResult()
            .error(
                Errors.of(
                    env,
                    DossierErrorType.FORBIDDEN,
                    "Only a signed-in owner has a dossier of their own; use dossier(shareId)"))
            .build();
      }
      return DataFetcherResult.<Dossier>newResult()
          .data(
              RequestContext.scope(env.getGraphQlContext())
                  .dossier(owner.subject(), () -> SubjectToken.accessToken(owner.accessToken())))
          .localContext(Access.owner(owner.subject()))
          .build();
    };
  }

  DataFetcher<?> institution() {
    return env -> DataLoaders.institution(env, env.getArgument("code"));
  }

  DataFetcher<?> qualification() {
    return env -> DataLoaders.qualification(env, env.getArgument("code"));
  }

  DataFetcher<?> recognisedCompany() {
    return env -> DataLoaders.company(env, env.getArgument("id"));
  }
}
