package nl.dossier.gateway.policy;

/** Decides, per field, whether personal data may be shown. Must deny when in doubt. */
public interface PolicyEngine {
  boolean permits(PolicyRequest request);
}
