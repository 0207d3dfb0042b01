package io.otedama.controller.auth;

import io.otedama.controller.api.ApiException;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/** Creates and lists users. */
public class UserService {
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");
  private final Jdbi jdbi;
  private final PasswordHasher hasher;
  private final Clock clock;
  private final int minPasswordLength;

  public UserService(Jdbi jdbi, PasswordHasher hasher, Clock clock, int minPasswordLength) {
    this.jdbi = jdbi;
    this.hasher = hasher;
    this.clock = clock;
    this.minPasswordLength = minPasswordLength;
  }

  public UserView create(String username, String password, String role, Long accountId) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw ApiException.badRequest(
          "The username must be 1 to 64 characters of lowercase letters, digits, '.', '_', '@'"
              + " or '-', starting with a letter or digit.");
    }
    if (!Roles.isValid(role)) {
      throw ApiException.badRequest(
          "The role must be one of admin, operator, viewer, client; got '" + role + "'.");
    }
    if (password == null || password.length() < minPasswordLength) {
      throw ApiException.badRequest(
          "The password must be at least " + minPasswordLength + " characters long.");
    }
    if (accountId != null && !Roles.CLIENT.equals(role)) {
      throw ApiException.badRequest("Only client users are tied to an account.");
    }
    String hash = hasher.hash(password);
    long id =
        jdbi.withExtension(
                UserDao.class, dao -> dao.insert(username, hash, role, accountId, clock.instant()))
            .orElseThrow(
                () -> ApiException.conflict("A user named '" + username + "' already exists."));
    return jdbi.withExtension(UserDao.class, dao -> dao.findByUsername(username))
        .filter(r -> r.id() == id)
        .map(UserView::of)
        .orElseThrow();
  }

  public List<UserView> list() {
    return jdbi.withExtension(UserDao.class, UserDao::list).stream().map(UserView::of).toList();
  }

  public long count() {
    return jdbi.withExtension(UserDao.class, UserDao::count);
  }
}
