package io.otedama.controller.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The demo's admin password: {@code OTEDAMA_ADMIN_PASSWORD} when set, else the one generated at the
 * first start and kept in {@code data/demo-admin-password} (owner-only), so every start can print
 * the login. It only takes effect when the admin account is created, i.e. on the first start.
 */
final class DemoAdminPassword {
  static final String FILE = "demo-admin-password";

  private DemoAdminPassword() {}

  static String resolve(Path dataDir, String fromEnvironment) throws IOException {
    Path file = dataDir.resolve(FILE);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    if (Files.isRegularFile(file)) {
      String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (!stored.isEmpty()) {
        return stored;
      }
    }
    byte[] random = new byte[15];
    new SecureRandom().nextBytes(random);
    String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the file keeps the default permissions
    }
    return generated;
  }
}
