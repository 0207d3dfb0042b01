package io.otedama.protocol.message;

import java.util.Objects;

/**
 * Who the rig is physically. {@code hardwareId} is the stable identity the agent enrolled with
 * (derived from MAC and/or serial, never the IP); the rest is informational.
 *
 * @param hardwareId the enrollment hardware identity, required
 * @param mac primary MAC address, e.g. {@code 02:42:ac:11:00:02}, or null
 * @param serial board or chassis serial number, or null
 * @param model hardware model, e.g. {@code Antminer S19}, or null
 * @param hostname the host name, or null
 */
public record HardwareIdentity(
    String hardwareId, String mac, String serial, String model, String hostname) {
  public HardwareIdentity {
    Objects.requireNonNull(hardwareId, "hardwareId");
  }
}
