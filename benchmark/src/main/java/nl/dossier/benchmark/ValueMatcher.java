package nl.dossier.benchmark;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.regex.Pattern;

/** A WireMock value pattern of the kinds the mocks use: {@code equalTo} or {@code matches}. */
record ValueMatcher(String equalTo, Pattern matches) {
  static ValueMatcher parse(String where, JsonObject json) {
    if (json.size() != 1) {
      throw new IllegalArgumentException("unsupported value pattern at " + where + ": " + json);
    }
    if (json.containsKey("equalTo")) {
      return new ValueMatcher(json.getString("equalTo"), null);
    }
    if (json.containsKey("matches")) {
      return new ValueMatcher(null, Pattern.compile(json.getString("matches")));
    }
    throw new IllegalArgumentException("unsupported value pattern at " + where + ": " + json);
  }

  boolean test(String value) {
    if (value == null) {
      return false;
    }
    return equalTo != null ? equalTo.equals(value) : matches.matcher(value).matches();
  }

  /** WireMock's rule for a repeated header or query parameter: any one value may match. */
  boolean testAny(List<String> values) {
    for (String value : values) {
      if (test(value)) {
        return true;
      }
    }
    return false;
  }
}
