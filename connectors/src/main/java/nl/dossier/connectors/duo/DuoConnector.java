package nl.dossier.connectors.duo;

import io.vertx.core.Future;
import nl.dossier.domain.DiplomaRegister;

/** The DUO diploma register ("Mijn diploma's"), read on the person's behalf. Never keyed by BSN. */
public interface DuoConnector {
  /** All results and BPV records of the person the DUO-scoped access token belongs to. */
  Future<DiplomaRegister> results(String accessToken);
}
