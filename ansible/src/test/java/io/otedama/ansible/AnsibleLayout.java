package io.otedama.ansible;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the Ansible content lives: the module directory the tests run in. */
final class AnsibleLayout {

  private AnsibleLayout() {}

  static Path module() {
    Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    if (!Files.isRegularFile(dir.resolve("site.yml"))) {
      throw new IllegalStateException(dir + " is not the ansible module directory");
    }
    return dir.toAbsolutePath().normalize();
  }

  static Path inventoryScript() {
    return module().resolve("inventory/otedama_inventory.py");
  }
}
