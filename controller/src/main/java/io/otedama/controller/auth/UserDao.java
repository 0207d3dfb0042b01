package io.otedama.controller.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Users and their bearer tokens. */
@RegisterConstructorMapper(UserRow.class)
public interface UserDao {
  String COLUMNS = "id, username, password_hash, role, account_id, created_at";

  /**
   * The role a token acts with: a login token its user's; a named API token its own, but never
   * above its user's role now (a user demoted since keeps no more than the new role). A staff token
   * of a client user, or a client token of a staff user, matches no row at all.
   */
  String TOKEN_ROLE =
      "CASE WHEN t.role IS NULL THEN u.role"
          + " WHEN array_position(ARRAY['viewer', 'operator', 'admin'], t.role)"
          + " <= array_position(ARRAY['viewer', 'operator', 'admin'], u.role) THEN t.role"
          + " ELSE u.role END";

  @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE username = :username")
  Optional<UserRow> findByUsername(@Bind("username") String username);

  @SqlQuery("SELECT " + COLUMNS + " FROM users ORDER BY username")
  List<UserRow> list();

  @SqlQuery("SELECT count(*) FROM users")
  long count();

  @SqlUpdate(
      "INSERT INTO users (username, password_hash, role, account_id, created_at)"
          + " VALUES (:username, :hash, :role, :accountId, :at) ON CONFLICT (username) DO NOTHING")
  @GetGeneratedKeys("id")
  Optional<Long> insert(
      @Bind("username") String username,
      @Bind("hash") String passwordHash,
      @Bind("role") String role,
      @Bind("accountId") Long accountId,
      @Bind("at") Instant at);

  @SqlUpdate(
      "INSERT INTO api_tokens (token_sha256, user_id, created_at, expires_at)"
          + " VALUES (:hash, :userId, :at, :expiresAt)")
  void insertToken(
      @Bind("hash") byte[] tokenSha256,
      @Bind("userId") long userId,
      @Bind("at") Instant at,
      @Bind("expiresAt") Instant expiresAt);

  @SqlQuery(
      "SELECT u.id, u.username, u.password_hash, "
          + TOKEN_ROLE
          + " AS role, u.account_id, u.created_at"
          + " FROM api_tokens t JOIN users u ON u.id = t.user_id"
          + " WHERE t.token_sha256 = :hash AND t.expires_at > :now"
          + " AND (t.role IS NULL OR (t.role = 'client') = (u.role = 'client'))")
  Optional<UserRow> findByToken(@Bind("hash") byte[] tokenSha256, @Bind("now") Instant now);

  @SqlUpdate("DELETE FROM api_tokens WHERE token_sha256 = :hash")
  int deleteToken(@Bind("hash") byte[] tokenSha256);

  @SqlUpdate("DELETE FROM api_tokens WHERE user_id = :userId AND expires_at <= :now")
  int deleteExpiredTokens(@Bind("userId") long userId, @Bind("now") Instant now);
}
