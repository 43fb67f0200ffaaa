package nl.dossier.gateway.policy;

/**
 * The owner sees all of their own dossier. Anyone else sees a field only when the grant covers its
 * schema coordinate, is neither revoked nor expired, and was given for the purpose declared.
 * Anything else, including an access it does not know, is denied.
 */
public final class GrantPolicyEngine implements PolicyEngine {
  @Override
  public boolean permits(PolicyRequest request) {
    if (request.access() instanceof Access.OwnerAccess) {
      return true;
    }
    if (request.access() instanceof Access.GrantAccess access) {
      Grant grant = access.grant();
      return grant.activeAt(access.at())
          && samePurpose(grant.purpose(), access.purpose())
          && grant.fields().contains(request.coordinate());
    }
    return false;
  }

  /**
   * Purposes match ignoring case and surrounding space. Asked for every field disclosed, so the
   * usual case, the purpose exactly as granted, is answered by a plain comparison first.
   */
  public static boolean samePurpose(String granted, String declared) {
    return declared != null
        && (declared.equals(granted) || granted.trim().equalsIgnoreCase(declared.trim()));
  }
}
