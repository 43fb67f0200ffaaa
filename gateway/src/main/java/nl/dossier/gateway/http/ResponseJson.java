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
import nl.dossier.gateway.graphql.ResponseObject;

/**
 * Writes a response body as JSON, byte for byte as Vert.x's {@code JsonObject.toBuffer()} does.
 * Vert.x's codec checks every value against {@code JsonObject}, {@code JsonArray}, {@code Map} and
 * {@code List} before it looks for a string; in a profile of the owner's dossier that took most of
 * the time spent writing the answer (BENCHMARKS.md, session 9). Here the common types of
 * graphql-java's answers are told by their exact class first, and Jackson's output is copied once,
 * into the buffer that is sent. Values that are neither these, lists nor maps are written by
 * Vert.x's codec. It counts the members of the objects it writes, which {@link Admission} learns
 * from.
 */
final class ResponseJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private ResponseJson() {}

  /**
   * A body written as JSON, and how many members its objects have in all, at any depth (leaving out
   * those in values that Vert.x's codec writes).
   */
  record Encoded(Buffer buffer, int fields) {}

  static Encoded encode(Object body) {
    var out = new BufferOutput();
    int fields;
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      fields = write(body, json);
    } catch (IOException e) {
      throw new EncodeException("The response could not be written as JSON", e);
    }
    return new Encoded(out.buffer(), fields);
  }

  /** Writes a value; returns the members of the objects in it. */
  private static int write(Object value, JsonGenerator json) throws IOException {
    Class<?> type = value == null ? null : value.getClass();
    if (type == String.class) {
      json.writeString((String) value);
    } else if (type == ResponseObject.class) {
      return writeObject((ResponseObject) value, json);
    } else if (type == LinkedHashMap.class) {
      return writeObject((Map<?, ?>) value, json);
    } else if (type == ArrayList.class) {
      return writeArray((List<?>) value, json);
    } else if (type == Integer.class) {
      json.writeNumber((Integer) value);
    } else if (type == Boolean.class) {
      json.writeBoolean((Boolean) value);
    } else if (value instanceof List<?> list) {
      return writeArray(list, json);
    } else if (value instanceof Map<?, ?> map) {
      return writeObject(map, json);
    } else {
      JacksonCodec.encodeJson(value, json);
    }
    return 0;
  }

  private static int writeObject(Map<?, ?> object, JsonGenerator json) throws IOException {
    int fields = object.size();
    json.writeStartObject();
    for (Map.Entry<?, ?> field : object.entrySet()) {
      json.writeFieldName((String) field.getKey());
      fields += write(field.getValue(), json);
    }
    json.writeEndObject();
    return fields;
  }

  private static int writeObject(ResponseObject object, JsonGenerator json) throws IOException {
    int size = object.size();
    int fields = size;
    json.writeStartObject();
    for (int i = 0; i < size; i++) {
      json.writeFieldName(object.key(i));
      fields += write(object.value(i), json);
    }
    json.writeEndObject();
    return fields;
  }

  private static int writeArray(List<?> array, JsonGenerator json) throws IOException {
    int fields = 0;
    json.writeStartArray();
    for (Object item : array) {
      fields += write(item, json);
    }
    json.writeEndArray();
    return fields;
  }

  /**
   * Jackson's output, copied once into the buffer that is sent. Jackson hands it over when its own
   * buffer (8,000 bytes) is full or the answer is complete, so the buffer is made at the first
   * hand-over, to the size of it: an answer that fits Jackson's buffer is copied without spare room
   * and without being copied again as the buffer grows.
   */
  private static final class BufferOutput extends OutputStream {
    private Buffer buffer;

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      if (buffer == null) {
        buffer = Buffer.buffer(length);
      }
      buffer.appendBytes(bytes, offset, length);
    }

    Buffer buffer() {
      return buffer == null ? Buffer.buffer() : buffer;
    }
  }
}
