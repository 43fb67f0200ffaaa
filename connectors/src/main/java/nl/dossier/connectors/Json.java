package nl.dossier.connectors;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Small helpers for reading upstream JSON leniently where a field may be absent. */
public final class Json {
  private Json() {}

  public static LocalDate date(JsonObject json, String key) {
    String value = json.getString(key);
    return value == null ? null : LocalDate.parse(value);
  }

  public static OffsetDateTime dateTime(JsonObject json, String key) {
    String value = json.getString(key);
    return value == null ? null : OffsetDateTime.parse(value);
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
