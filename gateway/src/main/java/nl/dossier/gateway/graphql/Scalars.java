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
import java.util.function.Function;

/** The extended scalars, adjusted where their serialization needs it. */
final class Scalars {
  /** The extended-scalars URL, serialized as its string form rather than a {@code java.net.URL}. */
  static final GraphQLScalarType URL =
      ExtendedScalars.Url.transform(
          builder -> builder.coercing(new AsString(ExtendedScalars.Url.getCoercing())));

  /**
   * The extended-scalars DateTime; an {@code OffsetDateTime} is written without its formatter, in
   * the same form ({@code 2024-06-30T12:00:00.000+02:00}). The formatter (its fraction of a second
   * goes through a {@code BigDecimal}) took 1.4 % of the event loops' time for the owner's dossier
   * (BENCHMARKS.md, session 10). Every other input, and an offset with seconds, goes to it.
   */
  static final GraphQLScalarType DATE_TIME =
      ExtendedScalars.DateTime.transform(
          builder ->
              builder.coercing(
                  new Serialized(
                      ExtendedScalars.DateTime.getCoercing(),
                      value ->
                          value instanceof OffsetDateTime time
                                  && time.getOffset().getTotalSeconds() % 60 == 0
                              ? dateTime(time)
                              : null)));

  /**
   * The extended-scalars Date; a {@code LocalDate} of the years 1 to 9999 is written as its ISO
   * form directly, which is what the scalar's {@code yyyy-MM-dd} makes of it. Other years (written
   * as years of an era) and other inputs go to the scalar.
   */
  static final GraphQLScalarType DATE =
      ExtendedScalars.Date.transform(
          builder ->
              builder.coercing(
                  new Serialized(
                      ExtendedScalars.Date.getCoercing(),
                      value ->
                          value instanceof LocalDate date
                                  && date.getYear() >= 1
                                  && date.getYear() <= 9999
                              ? date.toString()
                              : null)));

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

  /**
   * A coercing that serializes what {@code fast} can write itself (it answers null for anything
   * else) and leaves the rest, and all parsing, to the extended scalar's own.
   */
  private record Serialized(Coercing<?, ?> delegate, Function<Object, String> fast)
      implements Coercing<Object, Object> {
    @Override
    public Object serialize(Object input, GraphQLContext context, Locale locale)
        throws CoercingSerializeException {
      String written = fast.apply(input);
      return written != null ? written : delegate.serialize(input, context, locale);
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

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
      return delegate.valueToLiteral(input, context, locale);
    }
  }

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
