package nl.dossier.benchmark;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A response body, either fixed or with the few Handlebars expressions the mocks use: {@code
 * request.baseUrl} (filled in once), {@code request.path}, {@code request.query.<name>}, {@code
 * now} and {@code #if request.query.<name>}/{@code else}. Anything else fails at start-up.
 */
final class ResponseTemplate {
  private static final Pattern CONDITION =
      Pattern.compile("\\{\\{#if ([^}]+)}}(.*?)(?:\\{\\{else}}(.*?))?\\{\\{/if}}", Pattern.DOTALL);
  private static final Pattern EXPRESSION = Pattern.compile("\\{\\{([^}#/]+)}}");
  private static final String QUERY = "request.query.";
  private static final MultiMap NO_QUERY = MultiMap.caseInsensitiveMultiMap();

  private final Buffer fixed;
  private final String template;

  private ResponseTemplate(Buffer fixed, String template) {
    this.fixed = fixed;
    this.template = template;
  }

  static ResponseTemplate fixed(String body) {
    return new ResponseTemplate(Buffer.buffer(body), null);
  }

  static ResponseTemplate of(String body, String baseUrl) {
    String text = body.replace("{{request.baseUrl}}", baseUrl);
    if (!text.contains("{{")) {
      return fixed(text);
    }
    var template = new ResponseTemplate(null, text);
    template.render(new StubRequest("GET", "/", "/", MultiMap.caseInsensitiveMultiMap(), NO_QUERY));
    return template;
  }

  Buffer render(StubRequest request) {
    if (fixed != null) {
      return fixed;
    }
    String conditioned = replace(CONDITION, template, m -> conditional(m, request));
    return Buffer.buffer(replace(EXPRESSION, conditioned, m -> value(m.group(1).trim(), request)));
  }

  private static String conditional(Matcher m, StubRequest request) {
    boolean truthy = !value(m.group(1).trim(), request).isEmpty();
    String otherwise = m.group(3) == null ? "" : m.group(3);
    return truthy ? m.group(2) : otherwise;
  }

  private static String value(String expression, StubRequest request) {
    if (expression.equals("request.path")) {
      return request.path();
    }
    if (expression.equals("now")) {
      return Instant.now().toString();
    }
    if (expression.startsWith(QUERY)) {
      String value = request.query().get(expression.substring(QUERY.length()));
      return value == null ? "" : value;
    }
    throw new IllegalArgumentException("unsupported template expression: " + expression);
  }

  private static String replace(Pattern pattern, String text, Function<Matcher, String> value) {
    Matcher matcher = pattern.matcher(text);
    var out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(value.apply(matcher)));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
