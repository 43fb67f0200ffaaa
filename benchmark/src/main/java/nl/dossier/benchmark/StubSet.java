package nl.dossier.benchmark;

import java.util.List;
import java.util.Map;

/**
 * Everything the stub servers share: the port and mappings of each registry (by key: eduid, duo,
 * edubadges, rio, sbb), the latency, the counter and the authorization server.
 */
record StubSet(
    Map<String, Integer> ports,
    Map<String, List<Mapping>> mappings,
    int controlPort,
    long latencyMillis,
    CallCounter counter,
    AuthorizationEndpoints oidc) {}
