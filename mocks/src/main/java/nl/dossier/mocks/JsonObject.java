package nl.dossier.mocks;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.LinkedHashMap;
import java.util.List;

/** An ordered JSON object that may hold nulls, for the generated stubs. */
final class JsonObject extends LinkedHashMap<String, Object> {
  static JsonObject object() {
    return new JsonObject();
  }

  JsonObject with(String key, Object value) {
    put(key, value);
    return this;
  }

  String toJson() {
    return JSONObjectUtils.toJSONString(this);
  }

  static String toJson(List<?> array) {
    return JSONArrayUtils.toJSONString(array);
  }
}
