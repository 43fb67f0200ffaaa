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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;

/** The extended scalars, adjusted where their serialization needs it. */
final class Scalars {
  /** The extended-scalars URL, serialized as its string form rather than a {@code java.net.URL}. */
  static final GraphQLScalarType URL =
      adjusted(
          ExtendedScalars.Url,
          (scalar, value, context, locale) ->
              Objects.toString(scalar.serialize(value, context, locale), null));

  /**
   * The extended-scalars DateTime; an {@code OffsetDateTime} is written without its formatter, in
   * the same form ({@code 2024-06-30T12:00:00.000+02:00}). The formatter (its fraction of a second
   * goes through a {@code BigDecimal}) took 1.4 % of the event loops' time for the owner's dossier
   * (BENCHMARKS.md, session 10). Every other input, and an offset with seconds, goes to it.
   */
  static final GraphQLScalarType DATE_TIME =
      adjusted(
          ExtendedScalars.DateTime,
          (scalar, value, context, locale) ->
              value instanceof OffsetDateTime time && time.getOffset().getTotalSeconds() % 60 == 0
                  ? dateTime(time)
                  : scalar.serialize(value, context, locale));

  /**
   * The extended-scalars Date; a {@code LocalDate} of the years 1 to 9999 is written as its ISO
   * form directly, which is what the scalar's {@code yyyy-MM-dd} makes of it. Other years (written
   * as years of an era) and other inputs go to the scalar.
   */
  static final GraphQLScalarType DATE =
      adjusted(
          ExtendedScalars.Date,
          (scalar, value, context, locale) ->
              value instanceof LocalDate date && date.getYear() >= 1 && date.getYear() <= 9999
                  ? date.toString()
                  : scalar.serialize(value, context, locale));

  private Scalars() {}

  /** {@code uuuu-MM-ddTHH:mm:ss.SSS} and the offset as {@code Z} or {@code +HH:MM}. */
  static String dateTime(OffsetDateTime time) {
    var text = new StringBuilder(29).append(time.toLocalDate()).append('T');
    twoDigits(text, time.getHour()).append(':');
    twoDigits(text, time.getMinute()).append(':');
    twoDigits(text, time.getSecond()).append('.');
    int millis = time.getNano() / 1_000_000;
    text.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10));
    text.append((char) ('0' + millis % 10));
    return text.append(time.getOffset().getId()).toString();
  }

  private static StringBuilder twoDigits(StringBuilder text, int value) {
    return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  /** How an adjusted scalar writes a value; {@code scalar} is the extended scalar's coercing. */
  private interface Writer {
    Object write(Coercing<?, ?> scalar, Object value, GraphQLContext context, Locale locale);
  }

  private static GraphQLScalarType adjusted(GraphQLScalarType scalar, Writer writer) {
    return scalar.transform(
        builder -> builder.coercing(new Adjusted(scalar.getCoercing(), writer)));
  }

  /** Writes values with {@code writer}; parsing is the extended scalar's own. */
  private record Adjusted(Coercing<?, ?> scalar, Writer writer)
      implements Coercing<Object, Object> {
    @Override
    public Object serialize(Object input, GraphQLContext context, Locale locale)
        throws CoercingSerializeException {
      return writer.write(scalar, input, context, locale);
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale)
        throws CoercingParseValueException {
      return scalar.parseValue(input, context, locale);
    }

    @Override
    public Object parseLiteral(
        Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
        throws CoercingParseLiteralException {
      return scalar.parseLiteral(input, variables, context, locale);
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
      return scalar.valueToLiteral(input, context, locale);
    }
  }
}
