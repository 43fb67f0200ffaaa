package nl.dossier.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The fast date readers accept what java.time's ISO parsers accept, with the same result. */
class JsonDatesTest {
  private static final String CHARACTERS = "0123456789-+:.TtZz ٣";

  @Test
  void datesAreReadAsLocalDateParseReadsThem() {
    var random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      String text = randomDate(random);
      assertSame(text, Json::date, LocalDate::parse);
      assertSame(mutate(text, random), Json::date, LocalDate::parse);
    }
    assertThat(Json.date("2019-07-01")).isEqualTo(LocalDate.of(2019, 7, 1));
  }

  @Test
  void dateTimesAreReadAsOffsetDateTimeParseReadsThem() {
    var random = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      String text = randomDateTime(random);
      assertSame(text, Json::dateTime, OffsetDateTime::parse);
      assertSame(mutate(text, random), Json::dateTime, OffsetDateTime::parse);
      assertSame(mutate(mutate(text, random), random), Json::dateTime, OffsetDateTime::parse);
    }
  }

  @Test
  void edgesAreReadAsTheParsersReadThem() {
    for (String text :
        new String[] {
          "2024-06-30T12:00:00Z",
          "2024-06-30T12:00:00+02:00",
          "2024-06-30T12:00:00-00:00",
          "2024-06-30T12:00:00.5Z",
          "2024-06-30T12:00:00.123456789+14:00",
          "2024-06-30T12:00:00.1234567891Z",
          "2024-06-30T12:00:00.Z",
          "2024-06-30T12:00Z",
          "2024-06-30t12:00:00z",
          "2024-02-30T12:00:00Z",
          "2024-06-30T24:00:00Z",
          "2024-06-30T12:00:60Z",
          "2024-06-30T12:00:00+18:01",
          "2024-06-30T12:00:00+02:00:30",
          "+12024-06-30T12:00:00Z",
          "0000-01-01T00:00:00Z",
        }) {
      assertSame(text, Json::dateTime, OffsetDateTime::parse);
    }
    for (String text : new String[] {"2024-02-29", "2023-02-29", "2024-13-01", "+12024-01-01"}) {
      assertSame(text, Json::date, LocalDate::parse);
    }
  }

  private static <T> void assertSame(
      String text, Function<String, T> fast, Function<String, T> parser) {
    T expected;
    try {
      expected = parser.apply(text);
    } catch (DateTimeException e) {
      assertThatThrownBy(() -> fast.apply(text)).as(text).isInstanceOf(e.getClass());
      return;
    }
    assertThat(fast.apply(text)).as(text).isEqualTo(expected);
  }

  private static String randomDate(Random random) {
    return "%04d-%02d-%02d"
        .formatted(random.nextInt(10_000), random.nextInt(14), random.nextInt(33));
  }

  private static String randomDateTime(Random random) {
    var text = new StringBuilder(randomDate(random)).append('T');
    text.append(
        "%02d:%02d:%02d".formatted(random.nextInt(25), random.nextInt(61), random.nextInt(61)));
    int places = random.nextInt(12) - 1;
    if (places >= 0) {
      text.append('.');
      for (int i = 0; i < places; i++) {
        text.append(random.nextInt(10));
      }
    }
    if (random.nextInt(3) == 0) {
      text.append('Z');
    } else {
      text.append(random.nextBoolean() ? '+' : '-');
      text.append("%02d:%02d".formatted(random.nextInt(20), random.nextInt(61)));
    }
    return text.toString();
  }

  /** One character replaced, removed or inserted. */
  private static String mutate(String text, Random random) {
    var mutated = new StringBuilder(text);
    int at = random.nextInt(text.length());
    char c = CHARACTERS.charAt(random.nextInt(CHARACTERS.length()));
    switch (random.nextInt(3)) {
      case 0 -> mutated.setCharAt(at, c);
      case 1 -> mutated.deleteCharAt(at);
      default -> mutated.insert(at, c);
    }
    return mutated.toString();
  }
}
