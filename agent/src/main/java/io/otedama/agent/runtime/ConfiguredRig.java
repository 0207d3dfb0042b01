package io.otedama.agent.runtime;

import io.otedama.agent.command.ExecutedCommands;
import io.otedama.agent.command.SystemReboot;
import io.otedama.agent.config.AgentConfig;
import io.otedama.agent.config.ConfigException;
import io.otedama.agent.link.LinkSettings;
import io.otedama.agent.link.TlsSockets;
import io.otedama.agent.spool.DiskSpool;
import io.otedama.agent.telemetry.HostSensors;
import io.otedama.agent.update.ArtifactDownloader;
import io.otedama.agent.update.ArtifactVerifier;
import io.otedama.agent.update.FirmwareUpdater;
import io.otedama.agent.update.InstallLayout;
import io.otedama.agent.update.Installer;
import io.otedama.agent.update.RestartCommand;
import io.otedama.agent.update.SelfUpdateInstaller;
import io.otedama.agent.update.UpdateFailure;
import io.otedama.agent.update.UpdateHealthWatch;
import io.otedama.protocol.message.HardwareIdentity;
import io.otedama.protocol.release.ReleaseSignatures;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import javax.net.SocketFactory;

/**
 * The rig that {@code run} starts from {@code agent.yml}: disk spool, remembered command ids and
 * birth counter in the spool directory (locked, so two agents never share it), the host's sensors,
 * the configured devices and reboot command.
 */
public final class ConfiguredRig implements AutoCloseable {
  static final String LOCK_FILE = ".lock";
  static final String COMMANDS_FILE = "commands.log";
  static final String BIRTH_FILE = "birth.seq";
  static final String UPDATE_MARKER = "update-pending.json";
  static final String DOWNLOADS = "downloads";

  private final FileChannel lockChannel;
  private final FileLock lock;
  private final RigAgent agent;
  private final UpdateHealthWatch updateWatch;

  private ConfiguredRig(
      FileChannel lockChannel, FileLock lock, RigAgent agent, UpdateHealthWatch updateWatch) {
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.agent = agent;
    this.updateWatch = updateWatch;
  }

  /** Starts the rig, then finishes a self-update the previous process began (if any). */
  public void start() {
    agent.start();
    if (updateWatch != null) {
      updateWatch.start();
    }
  }

  /**
   * Builds (does not start) the rig.
   *
   * @throws ConfigException when the configuration cannot be used (not enrolled, spool directory
   *     not writable or in use, CA file unreadable)
   */
  public static ConfiguredRig create(
      AgentConfig config, HardwareIdentity hardware, String agentVersion, AgentEnvironment env) {
    config.requireRunnable();
    Path spoolDir = config.spool().directory();
    FileChannel channel = null;
    FileLock lock;
    DiskSpool spool;
    try {
      Files.createDirectories(spoolDir);
      channel =
          FileChannel.open(
              spoolDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new ConfigException(
            config.file()
                + ": spool.directory "
                + spoolDir
                + " is in use by another agent process; give each agent its own");
      }
      spool = new DiskSpool(spoolDir, config.spool().maxBytes());
    } catch (IOException e) {
      closeQuietly(channel);
      throw new ConfigException(
          config.file() + ": spool.directory " + spoolDir + " is not usable: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
    AgentConfig.Credentials credentials = config.credentials();
    SocketFactory sockets = null;
    if (config.mqtt().caFile() != null) {
      try {
        sockets = TlsSockets.trusting(config.mqtt().caFile());
      } catch (IllegalArgumentException e) {
        closeQuietly(channel);
        throw new ConfigException(config.file() + ": mqtt.caFile: " + e.getMessage(), e);
      }
    }
    LinkSettings link =
        new LinkSettings(
            config.brokerUrl(),
            credentials.rigId(),
            credentials.mqttUsername(),
            credentials.mqttPassword(),
            config.mqtt().keepAlive(),
            config.mqtt().sessionExpiry(),
            config.mqtt().connectTimeout(),
            config.mqtt().reconnectMin(),
            config.mqtt().reconnectMax(),
            sockets);
    HostSensors host = new HostSensors(config.telemetry().sysRoot());
    RigAgent.Setup setup =
        new RigAgent.Setup(
            link,
            hardware,
            agentVersion,
            sink ->
                DeviceFactory.create(
                    config.devices(), sink, host, env, credentials.rigId().hashCode()),
            spool,
            ExecutedCommands.persistent(spoolDir.resolve(COMMANDS_FILE), 1000),
            BirthSequence.persistent(spoolDir.resolve(BIRTH_FILE)),
            config.telemetry().interval(),
            host,
            new SystemReboot(config.commands().reboot(), config.commands().timeout()),
            config.commands().ledPath(),
            Duration.ofMillis(500),
            updater(config, spoolDir, agentVersion));
    RigAgent agent = new RigAgent(setup, env);
    UpdateHealthWatch watch = null;
    AgentConfig.UpdateSettings update = config.update();
    if (update.target() != null) {
      watch =
          new UpdateHealthWatch(
              spoolDir.resolve(UPDATE_MARKER),
              new InstallLayout(update.target()),
              new RestartCommand(update.restart()),
              update.healthDeadline(),
              update.maxBoots(),
              agent::healthProblem,
              agent::submitResult,
              env.scheduler(),
              env.clock());
    }
    return new ConfiguredRig(channel, lock, agent, watch);
  }

  /** The updater from {@code update:}; null (update-firmware refused) without trusted keys. */
  private static FirmwareUpdater updater(AgentConfig config, Path spoolDir, String version) {
    AgentConfig.UpdateSettings update = config.update();
    if (update.publicKeys().isEmpty()) {
      return null;
    }
    Installer installer =
        update.target() == null
            ? (artifact, request, commandId) -> {
              throw new UpdateFailure(
                  "not-configured",
                  "not-configured: update.target (the installed jar or image) is not set");
            }
            : new SelfUpdateInstaller(
                new InstallLayout(update.target()),
                new RestartCommand(update.restart()),
                spoolDir.resolve(UPDATE_MARKER),
                version);
    return new FirmwareUpdater(
        ArtifactDownloader.standard(),
        new ArtifactVerifier(ReleaseSignatures.publicKeys(update.publicKeys())),
        installer,
        spoolDir.resolve(DOWNLOADS));
  }

  public RigAgent agent() {
    return agent;
  }

  @Override
  public void close() {
    try {
      agent.close(Duration.ofSeconds(3));
    } finally {
      try {
        lock.release();
      } catch (IOException ignored) {
        // released with the channel anyway
      }
      closeQuietly(lockChannel);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing left to release
      }
    }
  }
}
