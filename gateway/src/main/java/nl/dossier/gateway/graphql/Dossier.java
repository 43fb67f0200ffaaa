package nl.dossier.gateway.graphql;

import io.vertx.core.Future;
import java.util.List;
import nl.dossier.connectors.eduid.SubjectToken;
import nl.dossier.domain.Badge;
import nl.dossier.domain.DiplomaRegister;
import nl.dossier.domain.LinkedAccount;
import nl.dossier.domain.PracticalStatement;
import nl.dossier.domain.Registry;

/**
 * One person's dossier within one request: each personal registry is read at most once, when the
 * first field that needs it is resolved, and never kept beyond the request.
 */
public final class Dossier {
  private final Registries registries;
  private final SubjectToken subjectToken;
  private final RequestDeadline deadline;
  private Future<List<LinkedAccount>> links;
  private Future<DiplomaRegister> register;
  private Future<List<Badge>> badges;
  private Future<List<PracticalStatement>> statements;

  /**
   * @param subjectToken what token exchange turns into registry-scoped tokens for this person
   * @param deadline the request's deadline, which bounds every registry call
   */
  Dossier(Registries registries, SubjectToken subjectToken, RequestDeadline deadline) {
    this.registries = registries;
    this.subjectToken = subjectToken;
    this.deadline = deadline;
  }

  Future<List<LinkedAccount>> links() {
    if (links == null) {
      links =
          deadline.bound(
              Registry.EDUID, token("myconext").compose(token -> registries.eduid().links(token)));
    }
    return links;
  }

  Future<DiplomaRegister> register() {
    if (register == null) {
      register =
          deadline.bound(
              Registry.DUO, token("duo").compose(token -> registries.duo().results(token)));
    }
    return register;
  }

  Future<List<Badge>> badges() {
    if (badges == null) {
      badges =
          deadline.bound(
              Registry.EDUBADGES,
              token("edubadges").compose(token -> registries.edubadges().badges(token)));
    }
    return badges;
  }

  Future<List<PracticalStatement>> statements() {
    if (statements == null) {
      Future<String> token = token("sbb");
      statements =
          deadline.bound(
              Registry.SBB,
              links()
                  .compose(
                      accounts ->
                          token.compose(
                              sbb ->
                                  registries
                                      .sbb()
                                      .practicalStatements(
                                          sbb,
                                          accounts.stream().map(LinkedAccount::eppn).toList()))));
    }
    return statements;
  }

  private Future<String> token(String audience) {
    return registries.tokens().exchange(subjectToken, audience);
  }
}
