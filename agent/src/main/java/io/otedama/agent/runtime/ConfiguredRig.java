package io.otedama.agent.runtime;

import io.otedama.agent.command.ExecutedCommands;
import io.otedama.agent.command.SystemReboot;
import io.otedama.agent.config.AgentConfig;
import io.otedama.agent.config.ConfigException;
import io.otedama.agent.link.LinkSettings;
import io.otedama.agent.link.TlsSockets;
import io.otedama.agent.spool.DiskSpool;
import io.otedama.agent.telemetry.HostSensors;
import io.otedama.protocol.message.HardwareIdentity;
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

  private final FileChannel lockChannel;
  private final FileLock lock;
  private final RigAgent agent;

  private ConfiguredRig(FileChannel lockChannel, FileLock lock, RigAgent agent) {
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.agent = agent;
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
            Duration.ofMillis(500));
    return new ConfiguredRig(channel, lock, new RigAgent(setup, env));
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
