package nl.dossier.gateway.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.util.Locale;

/** Scalars that need adjusting to serialize to plain JSON values. */
final class Scalars {
  /** The extended-scalars URL, serialized as its string form rather than a {@code java.net.URL}. */
  static final GraphQLScalarType URL =
      ExtendedScalars.Url.transform(
          builder -> builder.coercing(new AsString(ExtendedScalars.Url.getCoercing())));

  private Scalars() {}

  private record AsString(Coercing<?, ?> delegate) implements Coercing<Object, String> {
    @Override
    public String serialize(Object input, GraphQLContext context, Locale locale)
        throws CoercingSerializeException {
      Object value = delegate.serialize(input, context, locale);
      return value == null ? null : value.toString();
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale)
        throws CoercingParseValueException {
      return delegate.parseValue(input, context, locale);
    }

    @Override
    public Object parseLiteral(
        Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
        throws CoercingParseLiteralException {
      return delegate.parseLiteral(input, variables, context, locale);
    }
  }
}
