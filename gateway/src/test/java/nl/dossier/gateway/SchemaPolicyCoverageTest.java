package nl.dossier.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.util.ArrayList;
import java.util.List;
import nl.dossier.schema.SchemaFiles;
import org.junit.jupiter.api.Test;

/** Fails the build when a field that may hold personal data is not marked for the policy. */
class SchemaPolicyCoverageTest {
  static final GraphQLSchema SCHEMA =
      UnExecutableSchemaGenerator.makeUnExecutableSchema(
          new SchemaParser().parse(SchemaFiles.sdl()));

  @Test
  void everyFieldOfAPersonalTypeIsMarkedPersonal() {
    List<String> unmarked = new ArrayList<>();
    for (GraphQLFieldsContainer type : personalTypes()) {
      for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
        if (!field.hasAppliedDirective("personal")) {
          unmarked.add(type.getName() + "." + field.getName());
        }
      }
    }
    assertThat(unmarked).isEmpty();
  }

  @Test
  void everyPersonalFieldIsNullableSoADenialNeverNullsItsParent() {
    List<String> nonNull = new ArrayList<>();
    for (GraphQLFieldsContainer type : personalTypes()) {
      for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
        if (field.getType() instanceof GraphQLNonNull) {
          nonNull.add(type.getName() + "." + field.getName());
        }
      }
    }
    assertThat(nonNull).isEmpty();
  }

  @Test
  void theSchemaHasPersonalTypes() {
    assertThat(personalTypes())
        .extracting(GraphQLFieldsContainer::getName)
        .contains("Person", "Diploma", "Badge", "ExamGrade", "LinkedInstitution");
  }

  private static List<GraphQLFieldsContainer> personalTypes() {
    List<GraphQLFieldsContainer> types = new ArrayList<>();
    for (var type : SCHEMA.getAllTypesAsList()) {
      if (!(type instanceof GraphQLFieldsContainer container) || type.getName().startsWith("__")) {
        continue;
      }
      boolean root = type == SCHEMA.getQueryType() || type == SCHEMA.getMutationType();
      boolean isPublic =
          type instanceof GraphQLObjectType object
              && (object.hasAppliedDirective("public") || object.hasAppliedDirective("sharing"));
      if (!root && !isPublic) {
        types.add(container);
      }
    }
    return types;
  }
}
