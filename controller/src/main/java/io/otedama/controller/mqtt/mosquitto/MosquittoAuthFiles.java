package io.otedama.controller.mqtt.mosquitto;

import io.dropwizard.lifecycle.Managed;
import io.otedama.controller.mqtt.ControllerCredentials;
import io.otedama.controller.mqtt.mosquitto.MosquittoCredentialStore.RigLogin;
import io.otedama.protocol.topic.Publisher;
import io.otedama.protocol.topic.RigIdSyntax;
import io.otedama.protocol.topic.TopicKind;
import io.otedama.protocol.topic.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an external Mosquitto's {@code password_file} and {@code acl_file} from the rigs table, so
 * Mosquitto enforces the same rules as the embedded broker: no anonymous clients, the controller
 * may do anything, a rig reads only under {@code otedama/v1/rigs/<its id>/} and writes only its own
 * agent topics there. Files are replaced atomically and only when their content changed; then the
 * reload command (if any) makes Mosquitto re-read them (Mosquitto reloads both files on SIGHUP).
 */
public final class MosquittoAuthFiles implements Managed {

  private static final Logger log = LoggerFactory.getLogger(MosquittoAuthFiles.class);

  /** Characters a Mosquitto user name cannot safely carry in these files or in ACL patterns. */
  private static final Pattern UNSAFE_USERNAME = Pattern.compile("[:\\s#+/]");

  private final MosquittoCredentialStore store;
  private final ControllerCredentials controller;
  private final Path passwordFile;
  private final Path aclFile;
  private final List<String> reloadCommand;
  private final long refreshSeconds;
  private ScheduledExecutorService scheduler;

  public MosquittoAuthFiles(
      MosquittoCredentialStore store,
      ControllerCredentials controller,
      MosquittoFilesConfiguration config) {
    this.store = store;
    this.controller = controller;
    this.passwordFile = config.getPasswordFile();
    this.aclFile = config.getAclFile();
    this.reloadCommand = List.copyOf(config.getReloadCommand());
    this.refreshSeconds = config.getRefreshSeconds();
    if (UNSAFE_USERNAME.matcher(controller.username()).find()) {
      throw new IllegalArgumentException(
          "mqtt.controllerUsername cannot contain ':', '#', '+', '/' or spaces with Mosquitto");
    }
  }

  @Override
  public void start() throws Exception {
    refresh();
    scheduler =
        Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "mosquitto-auth-files");
          t.setDaemon(true);
          return t;
        });
    scheduler.scheduleWithFixedDelay(
        this::refreshQuietly, refreshSeconds, refreshSeconds, TimeUnit.SECONDS);
  }

  @Override
  public void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  /**
   * Regenerates both files now (call it after enrolling a rig to let it in without waiting for the
   * next refresh). Returns whether anything changed.
   */
  public synchronized boolean refresh() throws IOException, SQLException {
    List<RigLogin> rigs = store.all();
    boolean changed = replaceIfDifferent(passwordFile, passwordFileContent(rigs), "rw-r-----");
    changed |= replaceIfDifferent(aclFile, aclFileContent(), "rw-r-----");
    if (changed) {
      log.info("Mosquitto files updated ({} rigs): {}, {}", rigs.size(), passwordFile, aclFile);
      reloadBroker();
    }
    return changed;
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (Exception e) {
      log.warn("Could not refresh the Mosquitto password/ACL files: {}", e.toString());
    }
  }

  private String passwordFileContent(List<RigLogin> rigs) throws IOException {
    StringBuilder out = new StringBuilder(rigs.size() * 128 + 256);
    out.append(controller.username()).append(':').append(controllerHash()).append('\n');
    for (RigLogin rig : rigs) {
      if (!RigIdSyntax.isValid(rig.rigId()) || rig.rigId().equals(controller.username())) {
        log.warn("Rig id {} cannot be a Mosquitto user name; left out", rig.rigId());
        continue;
      }
      out.append(rig.rigId()).append(':').append(rig.passwordHash()).append('\n');
    }
    return out.toString();
  }

  /** The controller's line keeps its salt while the password stays the same: no needless reload. */
  private String controllerHash() throws IOException {
    if (Files.isRegularFile(passwordFile)) {
      String prefix = controller.username() + ":";
      for (String line : Files.readAllLines(passwordFile, StandardCharsets.UTF_8)) {
        if (line.startsWith(prefix)) {
          String existing = line.substring(prefix.length());
          if (MosquittoPasswordHash.matches(existing, controller.password())) {
            return existing;
          }
        }
      }
    }
    return MosquittoPasswordHash.hash(controller.password());
  }

  /**
   * The same rule as the embedded broker's (the protocol's {@code TopicAcl}): a rig reads its own
   * subtree and writes only the kinds agents publish, on its own id.
   */
  private String aclFileContent() {
    StringBuilder out =
        new StringBuilder(
            """
            # Written by the Otedama controller (mqtt.mosquitto.aclFile); edits are overwritten.
            # The controller may publish and subscribe anywhere.
            user %s
            topic readwrite #

            # Every rig (user name = rig id) only under its own subtree (CONTRACTS.md section 5).
            pattern read %s%%u/#
            """
                .formatted(controller.username(), Topics.RIGS_PREFIX));
    for (TopicKind kind : TopicKind.values()) {
      if (kind.publisher() == Publisher.AGENT) {
        out.append("pattern write ")
            .append(Topics.RIGS_PREFIX)
            .append("%u/")
            .append(kind.suffix())
            .append('\n');
      }
    }
    return out.toString();
  }

  private static boolean replaceIfDifferent(Path file, String content, String permissions)
      throws IOException {
    if (Files.isRegularFile(file)
        && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
      return false;
    }
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(permissions));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the directory's ACL decides
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    return true;
  }

  private void reloadBroker() {
    if (reloadCommand.isEmpty()) {
      return;
    }
    try {
      Process process =
          new ProcessBuilder(reloadCommand)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        log.warn("Mosquitto reload command {} did not finish in 10 s", reloadCommand);
      } else if (process.exitValue() != 0) {
        log.warn("Mosquitto reload command {} exited with {}", reloadCommand, process.exitValue());
      }
    } catch (IOException e) {
      log.warn("Could not run the Mosquitto reload command {}: {}", reloadCommand, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
