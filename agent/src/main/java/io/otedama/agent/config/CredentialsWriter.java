package io.otedama.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

/**
 * Writes the enrollment's credentials into {@code agent.yml}, keeping every other setting. The file
 * is replaced atomically (a crash leaves the old or the new file, never half of one) and is
 * readable by its owner only (mode 600): it holds the rig's MQTT secret. YAML comments in the file
 * are not kept (the YAML library does not carry them through).
 */
public final class CredentialsWriter {
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .build());

  private CredentialsWriter() {}

  /**
   * Sets {@code credentials} (and {@code controller.url} when given) in {@code file}, creating the
   * file when missing.
   */
  public static void write(Path file, AgentConfig.Credentials credentials, URI controllerUrl) {
    String existing;
    try {
      existing = Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read it: " + e.getMessage(), e);
    }
    JsonNode tree = AgentConfigLoader.tree(file, existing);
    if (tree != null && !tree.isObject()) {
      throw new ConfigException(file + ": the configuration must be a YAML mapping of settings");
    }
    ObjectNode root = tree == null ? JsonNodeFactory.instance.objectNode() : (ObjectNode) tree;
    if (controllerUrl != null) {
      JsonNode controller = root.get("controller");
      ObjectNode c = controller instanceof ObjectNode o ? o : root.putObject("controller");
      c.put("url", controllerUrl.toString());
    }
    ObjectNode cred = root.putObject("credentials");
    cred.put("rigId", credentials.rigId());
    if (credentials.mqttUrl() != null) {
      cred.put("mqttUrl", credentials.mqttUrl().toString());
    }
    cred.put("mqttUsername", credentials.mqttUsername());
    cred.put("mqttPassword", credentials.mqttPassword());
    String text;
    try {
      text =
          "# Otedama agent configuration (docs/agent.md). credentials: written by `otedama-agent"
              + " enroll` at "
              + Instant.now()
              + "\n"
              + YAML.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // parse what we are about to write, so a bad combination never replaces a good file
    AgentConfigLoader.parse(file, text);
    writeOwnerOnly(file, text);
  }

  static void writeOwnerOnly(Path file, String text) {
    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    try {
      Files.createDirectories(dir);
      Path tmp;
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        tmp =
            Files.createTempFile(
                dir,
                ".agent-",
                ".yml.tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        tmp = Files.createTempFile(dir, ".agent-", ".yml.tmp");
      }
      try {
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try (var channel =
            java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
          channel.force(true);
        }
        try {
          Files.move(
              tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot write it: " + e.getMessage(), e);
    }
  }
}
