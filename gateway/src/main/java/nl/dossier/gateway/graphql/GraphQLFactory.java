package nl.dossier.gateway.graphql;

import graphql.GraphQL;
import graphql.TypeResolutionEnvironment;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeRuntimeWiring;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.time.Clock;
import java.util.function.Function;
import nl.dossier.gateway.config.LimitsConfig;
import nl.dossier.gateway.policy.Grant;
import nl.dossier.gateway.policy.GrantCache;
import nl.dossier.gateway.policy.GrantStore;
import nl.dossier.gateway.policy.GuardedExecutionStrategy;
import nl.dossier.gateway.policy.PolicyDirectiveWiring;
import nl.dossier.gateway.policy.PolicyEngine;
import nl.dossier.gateway.policy.SharingCatalog;
import nl.dossier.gateway.policy.SharingService;
import nl.dossier.schema.SchemaFiles;

/** Builds the executable schema: SDL from {@code schema/}, fetchers, scalars and the policy. */
public final class GraphQLFactory {
  private GraphQLFactory() {}

  /**
   * What the schema's fetchers need.
   *
   * @param assertions for a grant and a reader id, the subject token for token exchange
   */
  public record Services(
      PolicyEngine policy,
      SharingService sharing,
      GrantStore store,
      SharingCatalog catalog,
      Function<Grant, Function<String, String>> assertions,
      Clock clock,
      LimitsConfig limits) {}

  public static GraphQL create(Services services) {
    var exceptions = new GatewayExceptionHandler();
    return GraphQL.newGraphQL(schema(services))
        .queryExecutionStrategy(new GuardedExecutionStrategy(exceptions))
        .instrumentation(new NoInstrumentation())
        .defaultDataFetcherExceptionHandler(exceptions)
        .preparsedDocumentProvider(new CachedDocuments())
        .doNotAutomaticallyDispatchDataLoader() // DataLoaders dispatches its own
        .build();
  }

  /** What owners can share, read from the SDL alone. */
  public static SharingCatalog catalog() {
    return SharingCatalog.of(
        UnExecutableSchemaGenerator.makeUnExecutableSchema(
            new SchemaParser().parse(SchemaFiles.sdl())));
  }

  /** A fresh request scope (loaders, dossiers); never share one between requests. */
  public static RequestScope scope(
      Registries registries, GrantCache grants, RequestDeadline deadline) {
    return new RequestScope(registries, grants, deadline);
  }

  public static GraphQLSchema schema(Services services) {
    var types = new SchemaParser().parse(SchemaFiles.sdl());
    return new SchemaGenerator().makeExecutableSchema(types, wiring(services));
  }

  private static RuntimeWiring wiring(Services services) {
    var query = new QueryDataFetchers();
    var person = new PersonDataFetchers(services.policy(), services.catalog());
    var outcome = new OutcomeDataFetchers();
    var qualification = new QualificationDataFetchers();
    var sharing =
        new SharingDataFetchers(
            services.sharing(),
            services.store(),
            services.catalog(),
            services.assertions(),
            services.clock());
    return RuntimeWiring.newRuntimeWiring()
        .wiringFactory(RecordFetcher.WIRING)
        .scalar(Scalars.DATE)
        .scalar(Scalars.DATE_TIME)
        .scalar(Scalars.URL)
        .directive(PolicyDirectiveWiring.DIRECTIVE, new PolicyDirectiveWiring(services.policy()))
        .type(
            TypeRuntimeWiring.newTypeWiring("Query")
                .dataFetcher("me", query.me())
                .dataFetcher("institution", query.institution())
                .dataFetcher("qualification", query.qualification())
                .dataFetcher("recognisedCompany", query.recognisedCompany())
                .dataFetcher("shares", sharing.shares())
                .dataFetcher("share", sharing.share())
                .dataFetcher("preview", sharing.preview())
                .dataFetcher("disclosures", sharing.disclosures())
                .dataFetcher("sharingGroups", sharing.sharingGroups())
                .dataFetcher("sharedWithMe", sharing.sharedWithMe())
                .dataFetcher("dossier", sharing.dossier()))
        .type(
            TypeRuntimeWiring.newTypeWiring("Mutation")
                .dataFetcher("createShare", sharing.createShare())
                .dataFetcher("updateShare", sharing.updateShare())
                .dataFetcher("revokeShare", sharing.revokeShare()))
        .type(
            TypeRuntimeWiring.newTypeWiring("SharedDossier")
                .dataFetcher("ownerName", sharing.ownerName()))
        .type(
            TypeRuntimeWiring.newTypeWiring("Person")
                .dataFetcher("name", person.name())
                .dataFetcher("linkedInstitutions", person.linkedInstitutions())
                .dataFetcher("diplomas", person.diplomas())
                .dataFetcher("certificates", person.certificates())
                .dataFetcher("electives", person.electives())
                .dataFetcher("examResults", person.examResults())
                .dataFetcher("internships", person.internships())
                .dataFetcher("practicalStatements", person.practicalStatements())
                .dataFetcher("badges", person.badges())
                .dataFetcher("learningOutcomes", person.learningOutcomes()))
        .type(
            TypeRuntimeWiring.newTypeWiring("Diploma")
                .dataFetcher("title", outcome.diplomaTitle())
                .dataFetcher("institution", outcome.diplomaInstitution())
                .dataFetcher("programme", outcome.diplomaProgramme())
                .dataFetcher("qualification", outcome.diplomaQualification()))
        .type(
            TypeRuntimeWiring.newTypeWiring("MboCertificate")
                .dataFetcher("title", outcome.certificateTitle())
                .dataFetcher("institution", outcome.certificateInstitution())
                .dataFetcher("qualification", outcome.certificateQualification()))
        .type(
            TypeRuntimeWiring.newTypeWiring("ElectiveResult")
                .dataFetcher("title", outcome.electiveTitle())
                .dataFetcher("elective", outcome.electiveElective())
                .dataFetcher("institution", outcome.electiveInstitution()))
        .type(
            TypeRuntimeWiring.newTypeWiring("Internship")
                .dataFetcher("title", outcome.internshipTitle())
                .dataFetcher("company", outcome.internshipCompany()))
        .type(
            TypeRuntimeWiring.newTypeWiring("PracticalStatement")
                .dataFetcher("company", outcome.statementCompany()))
        .type(
            TypeRuntimeWiring.newTypeWiring("Qualification")
                .dataFetcher("title", qualification.title())
                .dataFetcher("level", qualification.level())
                .dataFetcher("studyLoad", qualification.studyLoad())
                .dataFetcher("qualificationFileCode", qualification.qualificationFileCode())
                .dataFetcher("qualificationFileTitle", qualification.qualificationFileTitle())
                .dataFetcher("coreTasks", qualification.coreTasks()))
        .type(
            TypeRuntimeWiring.newTypeWiring("LearningOutcome")
                .typeResolver(GraphQLFactory::outcomeType))
        .build();
  }

  private static GraphQLObjectType outcomeType(TypeResolutionEnvironment env) {
    return env.getSchema().getObjectType(env.getObject().getClass().getSimpleName());
  }
}
