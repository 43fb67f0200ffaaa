package nl.dossier.gateway.error;

import graphql.ErrorClassification;

/** The stable error codes clients can rely on; each is {@code extensions.code} of an error. */
public enum DossierErrorType implements ErrorClassification {
  /** The request itself is malformed: JSON, GraphQL syntax, validation, variables. */
  BAD_REQUEST,
  /** No acceptable credentials. */
  UNAUTHENTICATED,
  /** The caller may not use this field at all (an owner-only field for a party, and so on). */
  FORBIDDEN,
  /** The share request is invalid: unknown coordinate, past expiry, unknown party, ... */
  INVALID_SHARE,
  /** No such share for this caller. */
  NOT_FOUND,
  /**
   * The sharing policy could not be evaluated (e.g. the store is unreachable), so access is denied.
   */
  POLICY_UNAVAILABLE,
  /** The caller may not see this field; says nothing about whether data exists. */
  WITHHELD,
  /** A registry could not answer; only the fields it feeds are null. */
  SOURCE_UNAVAILABLE,
  /** Something went wrong inside the gateway; the correlation id finds it in the log. */
  INTERNAL
}
