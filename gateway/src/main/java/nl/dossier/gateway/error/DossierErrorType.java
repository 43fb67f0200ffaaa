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
  /** A registry did not answer in time; only the fields it feeds are null. */
  SOURCE_TIMEOUT,
  /** A registry asked the gateway to slow down; only the fields it feeds are null. */
  SOURCE_RATE_LIMITED,
  /** The gateway has as much work under way as it takes; try again shortly (503, Retry-After). */
  OVERLOADED,
  /** The query nests deeper than allowed. */
  QUERY_TOO_DEEP,
  /** The query would cost more than allowed (lists multiply). */
  QUERY_TOO_COMPLEX,
  /** The document has more aliases than allowed. */
  TOO_MANY_ALIASES,
  /** The document has more directives than allowed. */
  TOO_MANY_DIRECTIVES,
  /** The document has more tokens than allowed. */
  DOCUMENT_TOO_LARGE,
  /** The batch has more operations than allowed. */
  BATCH_TOO_LARGE,
  /** Introspection is turned off on this gateway. */
  INTROSPECTION_DISABLED,
  /** Something went wrong inside the gateway; the correlation id finds it in the log. */
  INTERNAL
}
