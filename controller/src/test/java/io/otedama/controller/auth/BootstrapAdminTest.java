package io.otedama.controller.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.otedama.controller.support.MigratedDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The first start creates admin once: with the given password, or a random one printed once. */
class BootstrapAdminTest {

  @Test
  void aRandomPasswordIsPrintedOnceAndWorks() {
    Jdbi jdbi = MigratedDatabase.create();
    PasswordHasher hasher = new PasswordHasher();
    UserService users = new UserService(jdbi, hasher, Clock.systemUTC(), 10);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BootstrapAdmin bootstrap =
        new BootstrapAdmin(users, new PrintStream(out, true, StandardCharsets.UTF_8));

    Optional<String> password = bootstrap.ensureAdmin(Optional.empty());
    assertThat(password).isPresent();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("username: admin").contains("password: " + password.get());

    out.reset();
    assertThat(bootstrap.ensureAdmin(Optional.empty())).isEmpty();
    assertThat(out.size()).isZero();

    LoginThrottle throttle =
        new LoginThrottle(jdbi, Clock.systemUTC(), 5, java.time.Duration.ofMinutes(15));
    TokenService tokens = new TokenService(jdbi, Clock.systemUTC(), java.time.Duration.ofHours(1));
    IssuedToken token =
        new LoginService(jdbi, hasher, throttle, tokens).login("admin", password.get(), "test");
    assertThat(tokens.authenticate(token.token()).map(User::role)).contains(Roles.ADMIN);
  }

  @Test
  void aConfiguredPasswordIsUsedAndNotPrinted() {
    Jdbi jdbi = MigratedDatabase.create();
    PasswordHasher hasher = new PasswordHasher();
    UserService users = new UserService(jdbi, hasher, Clock.systemUTC(), 10);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new BootstrapAdmin(users, new PrintStream(out, true, StandardCharsets.UTF_8))
        .ensureAdmin(Optional.of("chosen-by-the-operator"));
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("chosen-by-the-operator");
    String stored =
        jdbi.withHandle(h ->
            h.createQuery("SELECT password_hash FROM users WHERE username = 'admin'")
                .mapTo(String.class)
                .one());
    assertThat(hasher.matches("chosen-by-the-operator", stored)).isTrue();
  }
}
