package nl.dossier.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import nl.dossier.gateway.config.LimitsConfig;
import nl.dossier.schema.SchemaFiles;
import org.junit.jupiter.api.Test;

class QueryLimitsTest {
  static final GraphQLSchema SCHEMA =
      UnExecutableSchemaGenerator.makeUnExecutableSchema(
          new SchemaParser().parse(SchemaFiles.sdl()));

  final QueryLimits limits = new QueryLimits(LimitsConfig.DEFAULTS, SCHEMA);

  @Test
  void aDocumentWeighsItsOwnFieldsAndDossiersUntilItsRequestsTeachMore() {
    var verdict =
        limits.check(
            "{ a: dossier(shareId: \"1\", purpose: \"p\") { name }"
                + " b: dossier(shareId: \"2\", purpose: \"p\") { name } }");

    // before any request: its own fields (two dossiers, two names) and its two dossier fields
    assertThat(verdict.weight()).isEqualTo(new Admission.Weight(4, 2));

    verdict.answered(100);
    verdict.read(1);
    assertThat(verdict.weight()).isEqualTo(new Admission.Weight(100, 1));

    // then a moving average: a quarter of the way to each new figure
    verdict.answered(200);
    verdict.read(5);
    assertThat(verdict.weight()).isEqualTo(new Admission.Weight(125, 2));
  }

  @Test
  void smallAnswersNeverMakeADocumentWeighLessThanItsOwnFields() {
    var verdict = limits.check("{ me { name diplomas { title } badges { title } } }");

    verdict.answered(2);

    assertThat(verdict.weight().fields()).isEqualTo(6);
  }

  @Test
  void theVerdictIsKeptPerDocumentSoWhatOneRequestTeachesTheNextUses() {
    String query = "{ me { name } }";
    limits.check(query).answered(50);

    assertThat(limits.check(query).weight().fields()).isEqualTo(50);
  }

  @Test
  void asManyAliasesAsAllowedPassAndOneMoreIsRejected() {
    int allowed = LimitsConfig.DEFAULTS.maxAliases();

    assertThat(limits.check(aliasesOfMe(allowed)).rejected()).isNull();
    assertThatThrownBy(() -> limits.check(aliasesOfMe(allowed + 1)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("more than " + allowed + " aliases");
  }

  private static String aliasesOfMe(int count) {
    var query = new StringBuilder("{");
    for (int i = 0; i < count; i++) {
      query.append(" m").append(i).append(": me { name }");
    }
    return query.append(" }").toString();
  }
}
