package nl.dossier.connectors.eduid;

import io.vertx.core.Future;
import java.util.List;
import nl.dossier.domain.LinkedAccount;

/** SURF eduID (myconext): the accounts a person linked to their eduID. */
public interface EduIdConnector {
  /** The linked institution accounts, read with a myconext-scoped access token. */
  Future<List<LinkedAccount>> links(String accessToken);
}
