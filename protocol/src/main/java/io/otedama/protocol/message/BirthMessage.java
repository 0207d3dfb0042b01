package io.otedama.protocol.message;

import java.util.List;
import java.util.Objects;

/**
 * Published by the agent on every (re)connect on {@code .../birth}: the rig is up and this is what
 * it is.
 *
 * @param seq increases with every birth of this agent installation (survives restarts), so the
 *     controller can order births and ignore a Last Will that belongs to an older session
 * @param agentVersion the agent's version, required
 * @param hardware the rig's hardware identity, required
 * @param devices the hashing devices, at most 256, possibly empty
 * @param capabilities what the agent supports, e.g. {@code sha256d}, {@code scrypt}, {@code
 *     cmd:reboot}, {@code spool}; at most 64, possibly empty
 * @param os operating system description, or null
 */
public record BirthMessage(
    int v,
    long ts,
    long seq,
    String agentVersion,
    HardwareIdentity hardware,
    List<DeviceInfo> devices,
    List<String> capabilities,
    String os)
    implements RigMessage {
  public BirthMessage {
    Objects.requireNonNull(agentVersion, "agentVersion");
    Objects.requireNonNull(hardware, "hardware");
    devices = List.copyOf(devices);
    capabilities = List.copyOf(capabilities);
  }

  /** A birth with the current schema version. */
  public BirthMessage(
      long ts,
      long seq,
      String agentVersion,
      HardwareIdentity hardware,
      List<DeviceInfo> devices,
      List<String> capabilities,
      String os) {
    this(VERSION, ts, seq, agentVersion, hardware, devices, capabilities, os);
  }
}
