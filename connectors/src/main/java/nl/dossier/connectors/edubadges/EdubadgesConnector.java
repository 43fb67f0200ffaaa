package nl.dossier.connectors.edubadges;

import io.vertx.core.Future;
import java.util.List;
import nl.dossier.domain.Badge;

/** SURF Edubadges: the badges and microcredentials in a person's backpack. */
public interface EdubadgesConnector {
  /** All unrevoked badge instances, newest first, read with an Edubadges-scoped access token. */
  Future<List<Badge>> badges(String accessToken);
}
