package nl.dossier.gateway.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.EncodeException;
import io.vertx.core.json.jackson.JacksonCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a response body as JSON, as Vert.x's {@code JsonObject.toBuffer()} does, but tells the
 * types of graphql-java's answers (strings, {@code LinkedHashMap}s, {@code ArrayList}s) by their
 * exact class before any interface: on JDK 17, Vert.x's checks against {@code Map} and {@code List}
 * for every value cost more than writing the answer (BENCHMARKS.md, session 9). Anything else is
 * written by Vert.x's codec.
 */
final class ResponseJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private ResponseJson() {}

  static Buffer encode(Object body) {
    var out = new BufferOutput();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      write(body, json);
    } catch (IOException e) {
      throw new EncodeException("The response could not be written as JSON", e);
    }
    return out.buffer;
  }

  private static void write(Object value, JsonGenerator json) throws IOException {
    Class<?> type = value == null ? null : value.getClass();
    if (type == String.class) {
      json.writeString((String) value);
    } else if (type == LinkedHashMap.class) {
      writeObject((Map<?, ?>) value, json);
    } else if (type == ArrayList.class) {
      writeArray((List<?>) value, json);
    } else if (type == Integer.class) {
      json.writeNumber((Integer) value);
    } else if (type == Boolean.class) {
      json.writeBoolean((Boolean) value);
    } else if (value instanceof List<?> list) {
      writeArray(list, json);
    } else if (value instanceof Map<?, ?> map) {
      writeObject(map, json);
    } else {
      JacksonCodec.encodeJson(value, json);
    }
  }

  private static void writeObject(Map<?, ?> object, JsonGenerator json) throws IOException {
    json.writeStartObject();
    for (Map.Entry<?, ?> field : object.entrySet()) {
      json.writeFieldName((String) field.getKey());
      write(field.getValue(), json);
    }
    json.writeEndObject();
  }

  private static void writeArray(List<?> array, JsonGenerator json) throws IOException {
    json.writeStartArray();
    for (Object item : array) {
      write(item, json);
    }
    json.writeEndArray();
  }

  /** Jackson's output, copied once into the buffer that is sent. */
  private static final class BufferOutput extends OutputStream {
    private final Buffer buffer = Buffer.buffer(4096);

    @Override
    public void write(int b) {
      buffer.appendByte((byte) b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      buffer.appendBytes(bytes, offset, length);
    }
  }
}
