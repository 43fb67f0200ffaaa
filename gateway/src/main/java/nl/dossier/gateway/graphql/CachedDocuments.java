package nl.dossier.gateway.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import nl.dossier.connectors.Caches;

/**
 * Parsed and validated documents, kept per document text so that a repeated query is not parsed and
 * validated again. Validation depends on the schema only, never on the caller.
 */
final class CachedDocuments implements PreparsedDocumentProvider {
  private final Cache<String, PreparsedDocumentEntry> documents =
      Caches.builder().maximumSize(2_000).build();

  @Override
  public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
      ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
    return CompletableFuture.completedFuture(
        documents.get(input.getQuery(), query -> parseAndValidate.apply(input)));
  }
}
