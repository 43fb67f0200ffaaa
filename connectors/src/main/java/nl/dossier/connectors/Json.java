package nl.dossier.connectors;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Small helpers for reading upstream JSON leniently where a field may be absent. */
public final class Json {
  private Json() {}

  public static LocalDate date(JsonObject json, String key) {
    String value = json.getString(key);
    return value == null ? null : date(value);
  }

  public static OffsetDateTime dateTime(JsonObject json, String key) {
    String value = json.getString(key);
    return value == null ? null : dateTime(value);
  }

  /*
   * The registries' dates and times are read by hand in their usual forms: java.time's ISO parsers
   * (a general parse and resolve per value) took 1.4-1.6 % of the event loops' time for the owner's
   * dossier (BENCHMARKS.md, session 10). Anything else, and any value out of range, goes to those
   * parsers, so that what is accepted and what fails is theirs; JsonDatesTest compares the two.
   */

  /** {@code uuuu-MM-dd} read directly; anything else as {@link LocalDate#parse}. */
  static LocalDate date(String text) {
    LocalDate read = text.length() == 10 ? readDate(text) : null;
    return read != null ? read : LocalDate.parse(text);
  }

  /**
   * {@code uuuu-MM-ddTHH:mm:ss}, an optional fraction of one to nine digits, and {@code Z} or
   * {@code ±HH:MM}, read directly; anything else as {@link OffsetDateTime#parse}.
   */
  static OffsetDateTime dateTime(String text) {
    OffsetDateTime read = readDateTime(text);
    return read != null ? read : OffsetDateTime.parse(text);
  }

  private static final int[] POWERS_OF_TEN = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
  };

  /** The date in the first ten characters, or null if the fast path does not read them. */
  private static LocalDate readDate(String text) {
    if (text.charAt(4) != '-' || text.charAt(7) != '-') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    if ((year | month | day) < 0) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static OffsetDateTime readDateTime(String text) {
    int length = text.length();
    if (length < 20 || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    int at = 19;
    int nanos = 0;
    if (text.charAt(at) == '.') {
      int end = at + 1;
      while (end < length && end - at <= 9 && isDigit(text.charAt(end))) {
        end++;
      }
      int places = end - at - 1;
      if (places == 0) {
        return null;
      }
      nanos = digits(text, at + 1, end) * POWERS_OF_TEN[9 - places];
      at = end;
    }
    ZoneOffset offset = offset(text, at);
    LocalDate date = readDate(text);
    if ((hour | minute | second) < 0 || offset == null || date == null) {
      return null;
    }
    try {
      return OffsetDateTime.of(date, LocalTime.of(hour, minute, second, nanos), offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** {@code Z} or {@code ±HH:MM} from {@code at} to the end, or null. */
  private static ZoneOffset offset(String text, int at) {
    int left = text.length() - at;
    if (left == 1 && text.charAt(at) == 'Z') {
      return ZoneOffset.UTC;
    }
    if (left != 6 || text.charAt(at + 3) != ':') {
      return null;
    }
    char sign = text.charAt(at);
    int hours = digits(text, at + 1, at + 3);
    int minutes = digits(text, at + 4, at + 6);
    if ((sign != '+' && sign != '-') || (hours | minutes) < 0) {
      return null;
    }
    try {
      return sign == '+'
          ? ZoneOffset.ofHoursMinutes(hours, minutes)
          : ZoneOffset.ofHoursMinutes(-hours, -minutes);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * The decimal number in {@code [from, to)}, or -1 if any character there is not an ASCII digit.
   */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Maps every object of an array; an absent array is an empty list. */
  public static <T> List<T> list(JsonArray array, Function<JsonObject, T> mapper) {
    if (array == null) {
      return List.of();
    }
    var result = new ArrayList<T>(array.size());
    for (int i = 0; i < array.size(); i++) {
      result.add(mapper.apply(array.getJsonObject(i)));
    }
    return List.copyOf(result);
  }

  public static List<String> strings(JsonArray array) {
    if (array == null) {
      return List.of();
    }
    var result = new ArrayList<String>(array.size());
    for (int i = 0; i < array.size(); i++) {
      result.add(array.getString(i));
    }
    return List.copyOf(result);
  }
}
