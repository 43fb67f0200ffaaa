package nl.dossier.benchmark;

import java.util.Comparator;

/** One stub: a request pattern and its response; lower priority numbers win, as in WireMock. */
record Mapping(String name, int priority, RequestPattern request, StubResponse response) {
  static final int DEFAULT_PRIORITY = 5;
  static final Comparator<Mapping> BY_PRIORITY = Comparator.comparingInt(Mapping::priority);
}
