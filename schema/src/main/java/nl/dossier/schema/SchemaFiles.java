package nl.dossier.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The GraphQL SDL files of the public contract, read from the classpath. */
public final class SchemaFiles {
  public static final List<String> NAMES =
      List.of("directives.graphqls", "dossier.graphqls", "sharing.graphqls");

  private SchemaFiles() {}

  /** Returns the SDL of all schema files, concatenated in declaration order. */
  public static String sdl() {
    var sdl = new StringBuilder();
    for (String name : NAMES) {
      sdl.append(read(name)).append('\n');
    }
    return sdl.toString();
  }

  private static String read(String name) {
    try (InputStream in = SchemaFiles.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("schema file missing from classpath: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
