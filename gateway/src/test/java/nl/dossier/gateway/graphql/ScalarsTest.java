package nl.dossier.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.GraphQLContext;
import graphql.scalars.ExtendedScalars;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScalarsTest {
  private static final GraphQLContext CONTEXT = GraphQLContext.getDefault();

  @Test
  void dateTimesAreWrittenAsTheExtendedScalarWritesThem() {
    var random = new Random(20261123);
    for (int i = 0; i < 20_000; i++) {
      var time =
          OffsetDateTime.of(
              LocalDateTime.of(
                  random.nextInt(-2_000, 12_000),
                  1 + random.nextInt(12),
                  1 + random.nextInt(28),
                  random.nextInt(24),
                  random.nextInt(60),
                  random.nextInt(60),
                  random.nextInt(1_000_000_000)),
              ZoneOffset.ofTotalSeconds(60 * random.nextInt(-18 * 60, 18 * 60 + 1)));
      assertSameDateTime(time);
    }
  }

  @Test
  void edgesAreWrittenAsTheExtendedScalarWritesThem() {
    assertSameDateTime(OffsetDateTime.parse("2024-06-30T12:00:00Z"));
    assertSameDateTime(OffsetDateTime.parse("2024-06-30T00:00:00.999999999+14:00"));
    assertSameDateTime(OffsetDateTime.parse("0001-01-01T00:00:00.001-18:00"));
    assertSameDateTime(OffsetDateTime.parse("+10000-01-01T23:59:59.5+05:30"));
    assertSameDateTime(OffsetDateTime.parse("-0005-12-31T09:09:09.090-00:30"));
    assertThat(serialize(Scalars.DATE_TIME, OffsetDateTime.parse("2024-06-30T12:00:00Z")))
        .isEqualTo("2024-06-30T12:00:00.000Z");
  }

  @Test
  void whatTheFastPathDoesNotWriteGoesToTheExtendedScalar() {
    var withSeconds = OffsetDateTime.of(2024, 6, 30, 12, 0, 0, 0, ZoneOffset.ofTotalSeconds(3_661));
    assertSameDateTime(withSeconds);
    var zoned = ZonedDateTime.parse("2024-06-30T12:00:00+02:00[Europe/Amsterdam]");
    assertThat(serialize(Scalars.DATE_TIME, zoned))
        .isEqualTo(serialize(ExtendedScalars.DateTime, zoned))
        .isEqualTo("2024-06-30T12:00:00.000+02:00");
    assertThat(serialize(Scalars.DATE_TIME, "2024-06-30T12:00:00.123+02:00"))
        .isEqualTo("2024-06-30T12:00:00.123+02:00");
  }

  @Test
  void datesAreWrittenAsTheExtendedScalarWritesThem() {
    var random = new Random(42);
    for (int i = 0; i < 5_000; i++) {
      var date = LocalDate.ofEpochDay(random.nextLong(-1_500_000, 3_000_000));
      assertThat(serialize(Scalars.DATE, date)).isEqualTo(serialize(ExtendedScalars.Date, date));
    }
    assertThat(serialize(Scalars.DATE, LocalDate.of(2019, 7, 1))).isEqualTo("2019-07-01");
  }

  @Test
  void parsingIsTheExtendedScalars() {
    assertThat(
            Scalars.DATE_TIME
                .getCoercing()
                .parseValue("2024-06-30T12:00:00.123+02:00", CONTEXT, Locale.ROOT))
        .isEqualTo(OffsetDateTime.parse("2024-06-30T12:00:00.123+02:00"));
    assertThat(Scalars.DATE.getCoercing().parseValue("2019-07-01", CONTEXT, Locale.ROOT))
        .isEqualTo(LocalDate.of(2019, 7, 1));
  }

  private static void assertSameDateTime(OffsetDateTime time) {
    assertThat(serialize(Scalars.DATE_TIME, time))
        .as("%s", time)
        .isEqualTo(serialize(ExtendedScalars.DateTime, time));
  }

  private static Object serialize(graphql.schema.GraphQLScalarType scalar, Object value) {
    return scalar.getCoercing().serialize(value, CONTEXT, Locale.ROOT);
  }
}
