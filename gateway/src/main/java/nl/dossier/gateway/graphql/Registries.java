package nl.dossier.gateway.graphql;

import nl.dossier.connectors.duo.DuoConnector;
import nl.dossier.connectors.edubadges.EdubadgesConnector;
import nl.dossier.connectors.eduid.EduIdConnector;
import nl.dossier.connectors.eduid.TokenExchange;
import nl.dossier.connectors.rio.RioConnector;
import nl.dossier.connectors.sbb.SbbConnector;

/** The connectors to the five registries, and token exchange for the personal ones. */
public record Registries(
    TokenExchange tokens,
    EduIdConnector eduid,
    DuoConnector duo,
    EdubadgesConnector edubadges,
    RioConnector rio,
    SbbConnector sbb) {}
