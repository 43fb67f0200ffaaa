package nl.dossier.gateway.graphql;

import graphql.GraphQLError;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.dossier.connectors.UpstreamException;
import nl.dossier.domain.Badge;
import nl.dossier.domain.DiplomaRegister;
import nl.dossier.domain.LearningOutcome;
import nl.dossier.domain.LinkedAccount;
import nl.dossier.domain.PracticalStatement;
import nl.dossier.gateway.error.Errors;
import nl.dossier.gateway.policy.Access;
import nl.dossier.gateway.policy.PolicyEngine;
import nl.dossier.gateway.policy.PolicyRequest;
import nl.dossier.gateway.policy.SharingCatalog;

/** The fields of {@code Person}; the source is the person's {@link Dossier}. */
final class PersonDataFetchers {
  private static final Set<String> DUO_TYPES =
      Set.of("Diploma", "MboCertificate", "ElectiveResult", "Internship");
  private static final List<String> OUTCOME_TYPES =
      List.of(
          "Diploma",
          "MboCertificate",
          "ElectiveResult",
          "Internship",
          "PracticalStatement",
          "Badge");
  private static final Comparator<LearningOutcome> NEWEST_FIRST =
      Comparator.comparing(
          LearningOutcome::achievedOn, Comparator.nullsFirst(Comparator.reverseOrder()));

  private final PolicyEngine policy;
  private final SharingCatalog catalog;

  PersonDataFetchers(PolicyEngine policy, SharingCatalog catalog) {
    this.policy = policy;
    this.catalog = catalog;
  }

  DataFetcher<?> name() {
    return ofDossier(dossier -> dossier.links().map(PersonDataFetchers::validatedName));
  }

  DataFetcher<?> linkedInstitutions() {
    return ofDossier(Dossier::links);
  }

  DataFetcher<?> diplomas() {
    return register(DiplomaRegister::diplomas);
  }

  DataFetcher<?> certificates() {
    return register(DiplomaRegister::certificates);
  }

  DataFetcher<?> electives() {
    return register(DiplomaRegister::electives);
  }

  DataFetcher<?> internships() {
    return register(DiplomaRegister::internships);
  }

  DataFetcher<?> examResults() {
    return register(
        register -> register.diplomas().stream().flatMap(d -> d.grades().stream()).toList());
  }

  DataFetcher<?> practicalStatements() {
    return ofDossier(Dossier::statements);
  }

  DataFetcher<?> badges() {
    return ofDossier(Dossier::badges);
  }

  /**
   * Every outcome the reader may see, newest first. An outcome type none of whose fields the reader
   * may see is left out, and a registry none of whose types is left is not called. A registry that
   * fails leaves its outcomes out and adds an error naming it; the others are listed.
   */
  DataFetcher<?> learningOutcomes() {
    return env -> {
      Dossier dossier = dossier(env);
      Set<String> visible = visibleTypes(env);
      boolean duo = !Collections.disjoint(visible, DUO_TYPES);
      Future<DiplomaRegister> register =
          duo ? dossier.register() : Future.succeededFuture(DiplomaRegister.EMPTY);
      Future<List<Badge>> badges =
          visible.contains("Badge") ? dossier.badges() : Future.succeededFuture(List.of());
      Future<List<PracticalStatement>> statements =
          visible.contains("PracticalStatement")
              ? dossier.statements()
              : Future.succeededFuture(List.of());
      return Future.join(register, badges, statements)
          .transform(
              ignored ->
                  Future.succeededFuture(outcomes(env, visible, register, badges, statements)))
          .toCompletionStage();
    };
  }

  private Set<String> visibleTypes(DataFetchingEnvironment env) {
    Access access = env.getLocalContext() instanceof Access known ? known : null;
    var visible = new HashSet<String>();
    for (String type : OUTCOME_TYPES) {
      for (String coordinate : catalog.coordinatesOf(type)) {
        if (access != null && policy.permits(new PolicyRequest(access, coordinate))) {
          visible.add(type);
          break;
        }
      }
    }
    return visible;
  }

  private static DataFetcherResult<List<LearningOutcome>> outcomes(
      DataFetchingEnvironment env,
      Set<String> visible,
      Future<DiplomaRegister> register,
      Future<List<Badge>> badges,
      Future<List<PracticalStatement>> statements) {
    var outcomes = new ArrayList<LearningOutcome>();
    var errors = new ArrayList<GraphQLError>();
    if (collect(env, register, errors)) {
      DiplomaRegister r = register.result();
      outcomes.addAll(r.diplomas());
      outcomes.addAll(r.certificates());
      outcomes.addAll(r.electives());
      outcomes.addAll(r.internships());
    }
    if (collect(env, badges, errors)) {
      outcomes.addAll(badges.result());
    }
    if (collect(env, statements, errors)) {
      outcomes.addAll(statements.result());
    }
    outcomes.removeIf(outcome -> !visible.contains(outcome.getClass().getSimpleName()));
    outcomes.sort(NEWEST_FIRST);
    return DataFetcherResult.<List<LearningOutcome>>newResult()
        .data(outcomes)
        .errors(errors)
        .build();
  }

  private static boolean collect(
      DataFetchingEnvironment env, Future<?> outcome, List<GraphQLError> errors) {
    if (outcome.succeeded()) {
      return true;
    }
    if (outcome.cause() instanceof UpstreamException failure) {
      errors.add(Errors.upstream(env, failure));
      return false;
    }
    throw new IllegalStateException("learning outcomes could not be read", outcome.cause());
  }

  private static DataFetcher<?> register(Function<DiplomaRegister, ?> part) {
    return ofDossier(dossier -> dossier.register().map(part));
  }

  /**
   * A fetcher that needs nothing but its dossier: a light one, for which graphql-java builds no
   * {@link DataFetchingEnvironment}.
   */
  private static DataFetcher<?> ofDossier(Function<Dossier, Future<?>> read) {
    return new LightDataFetcher<>() {
      @Override
      public Object get(
          GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> env) {
        return read.apply((Dossier) source).toCompletionStage();
      }

      @Override
      public Object get(DataFetchingEnvironment env) {
        return read.apply(dossier(env)).toCompletionStage();
      }
    };
  }

  private static Dossier dossier(DataFetchingEnvironment env) {
    return env.getSource();
  }

  static String validatedName(List<LinkedAccount> accounts) {
    String name = null;
    for (LinkedAccount account : accounts) {
      if (account.validatedName() != null && (name == null || account.preferred())) {
        name = account.validatedName();
      }
    }
    return name;
  }
}
