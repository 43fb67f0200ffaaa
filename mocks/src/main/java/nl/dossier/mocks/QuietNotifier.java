package nl.dossier.mocks;

import com.github.tomakehurst.wiremock.common.Notifier;

/** Drops WireMock's per-request chatter; keeps its errors on the JDK logger. */
final class QuietNotifier implements Notifier {
  private static final System.Logger LOG = System.getLogger("nl.dossier.mocks");

  @Override
  public void info(String message) {}

  @Override
  public void error(String message) {
    LOG.log(System.Logger.Level.WARNING, message);
  }

  @Override
  public void error(String message, Throwable t) {
    LOG.log(System.Logger.Level.WARNING, message, t);
  }
}
