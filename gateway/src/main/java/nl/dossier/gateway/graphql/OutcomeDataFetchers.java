package nl.dossier.gateway.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import nl.dossier.domain.Diploma;
import nl.dossier.domain.ElectiveResult;
import nl.dossier.domain.Internship;
import nl.dossier.domain.MboCertificate;
import nl.dossier.domain.PracticalStatement;
import nl.dossier.domain.Programme;

/**
 * The fields of the personal outcome types that enrich a code from the DUO register or SBB with
 * public reference data from RIO and SBB, through the per-request loaders.
 */
final class OutcomeDataFetchers {

  DataFetcher<?> diplomaTitle() {
    return env -> qualificationTitle(env, this.<Diploma>source(env).code());
  }

  DataFetcher<?> diplomaInstitution() {
    return env -> DataLoaders.institution(env, this.<Diploma>source(env).institutionCode());
  }

  DataFetcher<?> diplomaProgramme() {
    return env -> {
      Diploma diploma = source(env);
      return DataLoaders.programmes(env, diploma.institutionCode())
          .thenApply(programmes -> offering(programmes, diploma.code()));
    };
  }

  DataFetcher<?> diplomaQualification() {
    return env -> DataLoaders.qualification(env, this.<Diploma>source(env).code());
  }

  DataFetcher<?> certificateTitle() {
    return env -> qualificationTitle(env, this.<MboCertificate>source(env).code());
  }

  DataFetcher<?> certificateInstitution() {
    return env -> DataLoaders.institution(env, this.<MboCertificate>source(env).institutionCode());
  }

  DataFetcher<?> certificateQualification() {
    return env -> DataLoaders.qualification(env, this.<MboCertificate>source(env).code());
  }

  DataFetcher<?> electiveTitle() {
    return env -> {
      ElectiveResult result = source(env);
      return DataLoaders.elective(env, result.code())
          .thenApply(elective -> elective == null ? result.code() : elective.title());
    };
  }

  DataFetcher<?> electiveElective() {
    return env -> DataLoaders.elective(env, this.<ElectiveResult>source(env).code());
  }

  DataFetcher<?> electiveInstitution() {
    return env -> DataLoaders.institution(env, this.<ElectiveResult>source(env).institutionCode());
  }

  DataFetcher<?> internshipTitle() {
    return env ->
        DataLoaders.company(env, this.<Internship>source(env).companyId())
            .thenApply(company -> "BPV" + (company == null ? "" : " bij " + company.name()));
  }

  DataFetcher<?> internshipCompany() {
    return env -> DataLoaders.company(env, this.<Internship>source(env).companyId());
  }

  DataFetcher<?> statementCompany() {
    return env -> DataLoaders.company(env, this.<PracticalStatement>source(env).companyId());
  }

  private static CompletableFuture<String> qualificationTitle(
      DataFetchingEnvironment env, String crebo) {
    return DataLoaders.qualification(env, crebo)
        .thenApply(q -> q == null || q.title() == null ? crebo : q.title());
  }

  private static Programme offering(List<Programme> programmes, String crebo) {
    for (Programme programme : programmes) {
      if (crebo != null && crebo.equals(programme.qualificationCode())) {
        return programme;
      }
    }
    return null;
  }

  private <T> T source(DataFetchingEnvironment env) {
    return env.getSource();
  }
}
