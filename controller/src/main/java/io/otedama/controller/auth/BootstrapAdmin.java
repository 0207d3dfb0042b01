package io.otedama.controller.auth;

import java.io.PrintStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On first start (no users at all) creates the user {@code admin} with the given password, or a
 * random one printed once: it is not stored anywhere but as its slow hash.
 */
public class BootstrapAdmin {
  private static final Logger LOG = LoggerFactory.getLogger(BootstrapAdmin.class);
  private final UserService users;
  private final PrintStream console;

  public BootstrapAdmin(UserService users, PrintStream console) {
    this.users = users;
    this.console = console;
  }

  /** Returns the created admin's password when one was created now. */
  public Optional<String> ensureAdmin(Optional<String> configuredPassword) {
    if (users.count() > 0) {
      return Optional.empty();
    }
    boolean random = configuredPassword.filter(p -> !p.isBlank()).isEmpty();
    String password = random ? SecretTokens.newToken().substring(0, 20) : configuredPassword.get();
    try {
      users.create("admin", password, Roles.ADMIN, null);
    } catch (io.otedama.controller.api.ApiException e) {
      if (e.status() == 409) {
        return Optional.empty(); // another replica created it first
      }
      throw new IllegalStateException("Could not create the bootstrap admin: " + e.getMessage(), e);
    }
    if (random) {
      console.println();
      console.println("==============================================================");
      console.println(" Otedama bootstrap admin created (shown only this once):");
      console.println("   username: admin");
      console.println("   password: " + password);
      console.println(" Set OTEDAMA_ADMIN_PASSWORD before the first start to choose it.");
      console.println("==============================================================");
      console.println();
      console.flush();
      LOG.warn("Created the bootstrap admin 'admin' with a random password (printed to stdout)");
    } else {
      LOG.info("Created the bootstrap admin 'admin' with the configured password");
    }
    return Optional.of(password);
  }
}
