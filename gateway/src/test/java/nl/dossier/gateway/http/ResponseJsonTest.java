package nl.dossier.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.dossier.gateway.graphql.ResponseObject;
import org.junit.jupiter.api.Test;

class ResponseJsonTest {

  @Test
  void writesWhatVertxWritesIntoABufferForEveryKindOfValue() {
    var grade = new LinkedHashMap<String, Object>();
    grade.put("subject", "Nederlandse taal \"NT2\" \\ é € 𝄞 \n\t\u0001");
    grade.put("finalGrade", 7);
    grade.put("studyLoad", 4800L);
    grade.put("ects", 2.5);
    grade.put("exact", new BigDecimal("6.85"));
    grade.put("verified", true);
    grade.put("expiresAt", null);
    var grades = new ArrayList<Object>(List.of(grade, "text", 1, false));
    grades.add(null);
    var data = new LinkedHashMap<String, Object>();
    data.put("grades", grades);
    data.put("empty", new ArrayList<>());
    data.put("fixed", Arrays.asList("a", "b"));
    data.put("immutable", Map.of("code", "WITHHELD"));
    data.put("sorted", new TreeMap<>(Map.of("b", 2, "a", 1)));
    data.put("extensions", new JsonObject().put("correlationId", "c-1"));
    data.put("list", new JsonArray().add(1).add("x"));
    var institution = new ResponseObject(List.of("name"), List.of("ROC Midden Nederland"));
    var outcome =
        new ResponseObject(
            List.of("title", "institution", "missing"),
            Arrays.asList("Verpleegkunde", institution, null));
    data.put("outcomes", List.of(outcome, new ResponseObject(List.of(), List.of())));
    var body = new LinkedHashMap<String, Object>();
    body.put("data", data);

    ResponseJson.Encoded encoded = ResponseJson.encode(body);
    String written = encoded.buffer().toString(StandardCharsets.UTF_8);

    assertThat(written).isEqualTo(vertx(body)).contains("\\uD834\\uDD1E");
    // data 1, its own 8, the grade's 7, the immutable map's 1, the sorted one's 2, the outcome's 3
    // and its institution's 1
    assertThat(encoded.fields()).isEqualTo(23);
    assertThat(new JsonObject(written).getJsonObject("data").getJsonArray("grades"))
        .hasSize(5)
        .first()
        .isEqualTo(new JsonObject(grade));
  }

  @Test
  void writesAnAnswerLargerThanJacksonsOwnBuffer() {
    var items = new ArrayList<Object>();
    for (int i = 0; i < 5_000; i++) {
      items.add("badge " + i);
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("badges", items);

    String written = ResponseJson.encode(body).buffer().toString(StandardCharsets.UTF_8);

    assertThat(written).hasSizeGreaterThan(60_000).isEqualTo(vertx(body));
  }

  @Test
  void writesABatchAsAnArray() {
    var first = new LinkedHashMap<String, Object>(Map.of("data", "one"));
    var second = new LinkedHashMap<String, Object>(Map.of("data", "two"));

    String written =
        ResponseJson.encode(new ArrayList<>(List.of(first, second)))
            .buffer()
            .toString(StandardCharsets.UTF_8);

    assertThat(written).isEqualTo("[{\"data\":\"one\"},{\"data\":\"two\"}]");
  }

  private static String vertx(Map<String, Object> body) {
    return new JsonObject(body).toBuffer().toString(StandardCharsets.UTF_8);
  }
}
