package io.otedama.agent.enroll;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds this machine's stable identity for enrollment: the MAC address of the primary network
 * interface (the first physical, non-loopback interface by name), else the DMI product serial, else
 * the systemd machine id. Never the IP address: it changes.
 *
 * <p>Physical means: Linux lists a {@code device} link for it under {@code /sys/class/net/<name>}
 * (bridges, veth pairs, tunnels and docker interfaces have none); without sysfs, names of the usual
 * virtual interfaces are skipped.
 */
public final class HardwareIdProbe {
  private static final List<String> VIRTUAL_PREFIXES =
      List.of(
          "lo",
          "docker",
          "veth",
          "br-",
          "virbr",
          "vnet",
          "tun",
          "tap",
          "wg",
          "zt",
          "tailscale",
          "cni",
          "flannel",
          "kube",
          "dummy",
          "bond");
  private static final Set<String> PLACEHOLDER_SERIALS =
      Set.of(
          "",
          "0",
          "none",
          "default string",
          "to be filled by o.e.m.",
          "not specified",
          "system serial number",
          "0123456789",
          "123456789");

  private final Path root;

  public HardwareIdProbe(Path root) {
    this.root = root;
  }

  /** What was found. */
  public record Identity(String hardwareId, String mac, String serial, String hostname) {}

  /**
   * Probes the machine.
   *
   * @throws IllegalStateException when nothing stable is found (then pass {@code --hardware-id})
   */
  public Identity probe() {
    String mac = primaryMac();
    String serial = serial();
    String hostname = hostname();
    String id;
    if (mac != null) {
      id = "mac:" + mac;
    } else if (serial != null) {
      id = "serial:" + serial;
    } else {
      String machineId = read(root.resolve("etc/machine-id"));
      if (machineId == null || machineId.isBlank()) {
        throw new IllegalStateException(
            "found no MAC address, serial number or machine id to identify this rig; pass"
                + " --hardware-id");
      }
      id = "machine-id:" + machineId.strip();
    }
    return new Identity(id, mac, serial, hostname);
  }

  /** The primary physical interface's MAC, lower case with colons, or null. */
  public String primaryMac() {
    List<NetworkInterface> candidates = new ArrayList<>();
    try {
      var all = NetworkInterface.getNetworkInterfaces();
      while (all != null && all.hasMoreElements()) {
        NetworkInterface nic = all.nextElement();
        if (nic.isLoopback() || nic.isVirtual() || nic.isPointToPoint()) {
          continue;
        }
        byte[] mac = nic.getHardwareAddress();
        if (mac == null || mac.length != 6 || allZero(mac) || !physical(nic.getName())) {
          continue;
        }
        candidates.add(nic);
      }
    } catch (SocketException e) {
      return null;
    }
    candidates.sort(Comparator.comparing(NetworkInterface::getName));
    for (NetworkInterface nic : candidates) {
      try {
        return format(nic.getHardwareAddress());
      } catch (SocketException e) {
        // gone meanwhile: try the next
      }
    }
    return null;
  }

  private boolean physical(String name) {
    Path net = root.resolve("sys/class/net");
    if (Files.isDirectory(net)) {
      return Files.exists(net.resolve(name).resolve("device"));
    }
    String lower = name.toLowerCase(Locale.ROOT);
    return VIRTUAL_PREFIXES.stream().noneMatch(lower::startsWith);
  }

  /** The DMI product serial when readable and not a vendor placeholder, else null. */
  public String serial() {
    String s = read(root.resolve("sys/class/dmi/id/product_serial"));
    if (s == null) {
      return null;
    }
    s = s.strip();
    if (PLACEHOLDER_SERIALS.contains(s.toLowerCase(Locale.ROOT))
        || !s.matches("\\p{Graph}{1,100}")) {
      return null;
    }
    return s;
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return null;
    }
  }

  static String format(byte[] mac) {
    String hex = HexFormat.ofDelimiter(":").formatHex(mac);
    return hex.toLowerCase(Locale.ROOT);
  }

  private static boolean allZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException | RuntimeException e) {
      return null; // product_serial is root-only on most systems
    }
  }
}
