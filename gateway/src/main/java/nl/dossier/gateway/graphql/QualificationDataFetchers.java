package nl.dossier.gateway.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.function.Function;
import nl.dossier.connectors.UpstreamException;
import nl.dossier.domain.Qualification;
import nl.dossier.domain.QualificationFile;
import nl.dossier.gateway.error.Errors;

/** The fields of {@code Qualification}: RIO's part and SBB's part, each failing on its own. */
final class QualificationDataFetchers {

  DataFetcher<?> title() {
    return rio(Qualification::title);
  }

  DataFetcher<?> level() {
    return rio(Qualification::level);
  }

  DataFetcher<?> studyLoad() {
    return rio(Qualification::studyLoad);
  }

  DataFetcher<?> qualificationFileCode() {
    return env -> {
      QualificationDetails details = env.getSource();
      if (details.rio() != null && details.rio().qualificationFileCode() != null) {
        return details.rio().qualificationFileCode();
      }
      return part(env, details.sbb(), details.sbbFailure(), QualificationFile::code);
    };
  }

  DataFetcher<?> qualificationFileTitle() {
    return sbb(QualificationFile::title);
  }

  DataFetcher<?> coreTasks() {
    return sbb(QualificationFile::coreTasks);
  }

  private static DataFetcher<?> rio(Function<Qualification, ?> field) {
    return env -> {
      QualificationDetails details = env.getSource();
      return part(env, details.rio(), details.rioFailure(), field);
    };
  }

  private static DataFetcher<?> sbb(Function<QualificationFile, ?> field) {
    return env -> {
      QualificationDetails details = env.getSource();
      return part(env, details.sbb(), details.sbbFailure(), field);
    };
  }

  private static <T> Object part(
      DataFetchingEnvironment env, T value, UpstreamException failure, Function<T, ?> field) {
    if (failure != null) {
      return DataFetcherResult.newResult().error(Errors.upstream(env, failure)).build();
    }
    return value == null ? null : field.apply(value);
  }
}
