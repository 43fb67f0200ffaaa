package nl.dossier.gateway.http;

import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Content negotiation as the GraphQL-over-HTTP specification describes it. */
final class MediaTypes {
  static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
  static final String JSON = "application/json";

  private MediaTypes() {}

  /** The response type the client accepts best, or null when it accepts neither. */
  static String negotiate(RoutingContext rc) {
    List<MIMEHeader> accepted = rc.parsedHeaders().accept();
    if (accepted.isEmpty()) {
      return GRAPHQL_RESPONSE;
    }
    for (MIMEHeader header : accepted) {
      String type = header.component() + "/" + header.subComponent();
      if (type.equals(GRAPHQL_RESPONSE) || type.equals("*/*") || type.equals("application/*")) {
        return GRAPHQL_RESPONSE;
      }
      if (type.equals(JSON)) {
        return JSON;
      }
    }
    return null;
  }

  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    return type.equalsIgnoreCase(JSON);
  }
}
