package nl.dossier.gateway.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import nl.dossier.gateway.policy.Disclosure;
import nl.dossier.gateway.policy.DisclosureQuery;
import nl.dossier.gateway.policy.Grant;
import nl.dossier.gateway.policy.GrantStore;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The grant store on JDBC and an embedded H2 file database (created on first start). The upserts
 * use H2's {@code MERGE ... KEY}; a PostgreSQL store needs its own. Every statement runs on a
 * worker thread, never on an event loop. Each worker keeps its own connection and the statements it
 * prepared on it, so that a statement is parsed once per worker, not once per call. A connection
 * that failed, or that the database closed, is replaced on the worker's next call.
 */
public final class JdbcGrantStore implements GrantStore, AutoCloseable {
  private static final String GRANT_COLUMNS =
      "id, owner, party, fields, purpose, created_at, expires_at, revoked_at";
  // A disclosure's id is a random UUID the gateway makes and nothing looks up, so it is not a key:
  // H2 kept a unique index for it beside its own row id and checked every new id against it, 1.5 %
  // of the party's samples (BENCHMARKS.md, session 11). The log is read by owner and time, newest
  // first. A store made when the id was a key (text or UUID) keeps that key.
  private static final String SCHEMA =
      """
      CREATE TABLE IF NOT EXISTS grants (
        id VARCHAR(64) PRIMARY KEY, owner VARCHAR(255) NOT NULL, party VARCHAR(255),
        fields VARCHAR(20000) NOT NULL, purpose VARCHAR(1000) NOT NULL,
        created_at TIMESTAMP WITH TIME ZONE NOT NULL, expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
        revoked_at TIMESTAMP WITH TIME ZONE);
      CREATE INDEX IF NOT EXISTS grants_owner ON grants (owner);
      CREATE INDEX IF NOT EXISTS grants_party ON grants (party);
      CREATE TABLE IF NOT EXISTS disclosures (
        id UUID NOT NULL, owner VARCHAR(255) NOT NULL, grant_id VARCHAR(64) NOT NULL,
        party VARCHAR(255), purpose VARCHAR(1000) NOT NULL, coordinates VARCHAR(20000) NOT NULL,
        denied BOOLEAN NOT NULL, at TIMESTAMP WITH TIME ZONE NOT NULL);
      CREATE INDEX IF NOT EXISTS disclosures_owner_at ON disclosures (owner, at);
      CREATE TABLE IF NOT EXISTS signing_keys (id VARCHAR(64) PRIMARY KEY, jwk VARCHAR(10000) NOT NULL);
      """;

  /** Threads running statements: the embedded database gains nothing from more. */
  private static final int WORKERS = 4;

  private final WorkerExecutor workers;
  private final DataSource dataSource;
  private final AutoCloseable closer;
  private final ThreadLocal<Session> sessions = new ThreadLocal<>();
  private final Set<Session> open = ConcurrentHashMap.newKeySet();

  private JdbcGrantStore(Vertx vertx, DataSource dataSource, AutoCloseable closer) {
    this.workers = vertx.createSharedWorkerExecutor("grant-store", WORKERS);
    this.dataSource = dataSource;
    this.closer = closer;
  }

  /** Opens (and on first use creates) an H2 database at the JDBC URL, and its tables. */
  public static Future<JdbcGrantStore> open(Vertx vertx, String jdbcUrl) {
    JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl, "dossier", "");
    var store = new JdbcGrantStore(vertx, pool, pool::dispose);
    return store.blocking(JdbcGrantStore::createSchema).map(ignored -> store);
  }

  private static Void createSchema(Session session) throws SQLException {
    try (Statement statement = session.connection.createStatement()) {
      for (String sql : SCHEMA.split(";")) {
        if (!sql.isBlank()) {
          statement.execute(sql);
        }
      }
    }
    return null;
  }

  @Override
  public Future<Void> save(Grant grant) {
    return update(
        "MERGE INTO grants (" + GRANT_COLUMNS + ") KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        grant.id(),
        grant.owner(),
        grant.party(),
        String.join(",", grant.fields()),
        grant.purpose(),
        time(grant.createdAt()),
        time(grant.expiresAt()),
        time(grant.revokedAt()));
  }

  @Override
  public Future<Map<String, Grant>> findAll(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return grants(
            "SELECT " + GRANT_COLUMNS + " FROM grants WHERE id = ANY(?)",
            (Object) ids.toArray(new String[0]))
        .map(
            found -> {
              var byId = new HashMap<String, Grant>();
              found.forEach(grant -> byId.put(grant.id(), grant));
              return byId;
            });
  }

  @Override
  public Future<List<Grant>> byOwner(String owner) {
    return grants(
        "SELECT " + GRANT_COLUMNS + " FROM grants WHERE owner = ? ORDER BY created_at DESC", owner);
  }

  @Override
  public Future<List<Grant>> byParty(String party) {
    return grants(
        "SELECT " + GRANT_COLUMNS + " FROM grants WHERE party = ? ORDER BY created_at DESC", party);
  }

  @Override
  public Future<Void> append(List<Disclosure> disclosures) {
    if (disclosures.isEmpty()) {
      return Future.succeededFuture();
    }
    return blocking(
        session -> {
          Connection connection = session.connection;
          PreparedStatement statement =
              session.prepare(
                  "INSERT INTO disclosures"
                      + " (id, owner, grant_id, party, purpose, coordinates, denied, at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
          connection.setAutoCommit(false);
          try {
            for (Disclosure disclosure : disclosures) {
              bind(
                  statement,
                  disclosure.id(),
                  disclosure.owner(),
                  disclosure.grantId(),
                  disclosure.party(),
                  disclosure.purpose(),
                  String.join(",", new TreeSet<>(disclosure.coordinates())),
                  disclosure.denied(),
                  time(disclosure.at()));
              statement.addBatch();
            }
            statement.executeBatch();
            connection.commit();
          } catch (SQLException e) {
            connection.rollback();
            throw e;
          } finally {
            connection.setAutoCommit(true);
          }
          return null;
        });
  }

  @Override
  public Future<List<Disclosure>> disclosures(DisclosureQuery query) {
    var sql =
        new StringBuilder(
            "SELECT id, owner, grant_id, party, purpose, coordinates, denied, at FROM disclosures WHERE owner = ?");
    var args = new ArrayList<Object>(List.of(query.owner()));
    condition(sql, args, " AND grant_id = ?", query.grantId());
    condition(sql, args, " AND party = ?", query.party());
    condition(sql, args, " AND at >= ?", time(query.from()));
    condition(sql, args, " AND at < ?", time(query.to()));
    sql.append(" ORDER BY at DESC, id LIMIT ? OFFSET ?");
    args.add(query.limit());
    args.add(query.offset());
    return blocking(
        session -> select(session, sql.toString(), args.toArray(), JdbcGrantStore::disclosure));
  }

  @Override
  public Future<String> signingKey(Supplier<String> create) {
    return blocking(
        session -> {
          List<String> keys =
              select(
                  session,
                  "SELECT jwk FROM signing_keys WHERE id = 'links'",
                  new Object[0],
                  rs -> rs.getString(1));
          if (!keys.isEmpty()) {
            return keys.get(0);
          }
          String jwk = create.get();
          execute(session, "MERGE INTO signing_keys (id, jwk) KEY (id) VALUES ('links', ?)", jwk);
          return jwk;
        });
  }

  @Override
  public void close() throws Exception {
    workers.close();
    open.forEach(Session::close);
    closer.close();
  }

  private Future<List<Grant>> grants(String sql, Object... args) {
    return blocking(session -> select(session, sql, args, JdbcGrantStore::grant));
  }

  private Future<Void> update(String sql, Object... args) {
    return blocking(
        session -> {
          execute(session, sql, args);
          return null;
        });
  }

  private static void execute(Session session, String sql, Object... args) throws SQLException {
    PreparedStatement statement = session.prepare(sql);
    bind(statement, args);
    statement.executeUpdate();
  }

  private static <T> List<T> select(Session session, String sql, Object[] args, Row<T> row)
      throws SQLException {
    PreparedStatement statement = session.prepare(sql);
    bind(statement, args);
    try (ResultSet rs = statement.executeQuery()) {
      var result = new ArrayList<T>();
      while (rs.next()) {
        result.add(row.map(rs));
      }
      return result;
    }
  }

  private static void bind(PreparedStatement statement, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
    }
  }

  /** Runs on a worker, with that worker's session; a session that failed is closed. */
  private <T> Future<T> blocking(Sql<T> work) {
    try {
      return workers.executeBlocking(
          () -> {
            Session session = session();
            try {
              return work.run(session);
            } catch (SQLException | RuntimeException e) {
              sessions.remove();
              open.remove(session);
              session.close();
              throw e;
            }
          },
          false);
    } catch (RuntimeException closed) {
      return Future.failedFuture(closed);
    }
  }

  /** The worker's session; a new one when it has none, or the database closed its connection. */
  private Session session() throws SQLException {
    Session session = sessions.get();
    if (session != null && session.connection.isClosed()) {
      open.remove(session);
      session = null;
    }
    if (session == null) {
      session = new Session(dataSource.getConnection());
      sessions.set(session);
      open.add(session);
    }
    return session;
  }

  private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
    if (value != null) {
      sql.append(clause);
      args.add(value);
    }
  }

  private static Grant grant(ResultSet rs) throws SQLException {
    return new Grant(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        split(rs.getString(4)),
        rs.getString(5),
        instant(rs, 6),
        instant(rs, 7),
        instant(rs, 8));
  }

  private static Disclosure disclosure(ResultSet rs) throws SQLException {
    return new Disclosure(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        split(rs.getString(6)),
        rs.getBoolean(7),
        instant(rs, 8));
  }

  /**
   * The coordinates of a comma-joined list. Interned: there are only as many as the schema has, and
   * a grant kept by {@code GrantCache} then holds references, not copies.
   */
  private static Set<String> split(String joined) {
    if (joined == null || joined.isEmpty()) {
      return Set.of();
    }
    String[] coordinates = joined.split(",");
    for (int i = 0; i < coordinates.length; i++) {
      coordinates[i] = coordinates[i].intern();
    }
    return Set.copyOf(Arrays.asList(coordinates));
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private interface Sql<T> {
    T run(Session session) throws SQLException;
  }

  /** One worker's connection and the statements prepared on it, by their SQL. */
  private static final class Session {
    final Connection connection;
    final Map<String, PreparedStatement> statements = new HashMap<>();

    Session(Connection connection) {
      this.connection = connection;
    }

    PreparedStatement prepare(String sql) throws SQLException {
      PreparedStatement statement = statements.get(sql);
      if (statement == null) {
        statement = connection.prepareStatement(sql);
        statements.put(sql, statement);
      }
      return statement;
    }

    void close() {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // closing a connection that already failed: nothing left to release
      }
    }
  }
}
