package io.otedama.agent.device.asic;

import com.fasterxml.jackson.databind.JsonNode;
import io.otedama.agent.device.AssignedWork;
import io.otedama.agent.device.DeviceState;
import io.otedama.agent.device.MiningDevice;
import io.otedama.agent.device.PoolSetting;
import io.otedama.agent.device.UnsupportedCommandException;
import io.otedama.protocol.message.DeviceInfo;
import io.otedama.protocol.message.DeviceTelemetry;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * An ASIC miner on the LAN, managed through its cgminer API. It mines on the pools configured in
 * its own firmware (point them at the controller's Stratum port to have the farm proxy account its
 * shares), so {@link #applyWork} does nothing; the agent reports its figures and carries out {@code
 * restart-miner} ({@code restart}) and {@code set-pool} ({@code addpool}, {@code enablepool},
 * {@code switchpool}). Each poll asks for {@code summary+devs+pools+stats} in one request;
 * firmwares that refuse joined commands (Whatsminer) are asked one command at a time from then on.
 *
 * <p>Write commands need the miner's API write access ({@code api-allow W:<agent ip>} on cgminer
 * and Antminer; Whatsminer's token-protected API is not supported for writes).
 */
public final class AsicDevice implements MiningDevice {
  private static final System.Logger LOG = System.getLogger(AsicDevice.class.getName());

  private final String id;
  private final String configuredModel;
  private final CgminerClient client;
  private volatile AsicReading last;
  private volatile DeviceState state = DeviceState.IDLE;
  private volatile String lastError;
  private volatile Boolean joinedCommands;

  public AsicDevice(String id, String model, CgminerClient client) {
    this.id = id;
    this.configuredModel = model;
    this.client = client;
  }

  @Override
  public DeviceInfo info() {
    AsicReading r = last;
    String model = configuredModel != null ? configuredModel : r == null ? null : r.model();
    return new DeviceInfo(id, "asic", model, null, client.address());
  }

  @Override
  public void start() {
    // the miner hashes whenever it runs; nothing to start
  }

  @Override
  public void stop() {
    throw new UnsupportedCommandException(
        "the cgminer API cannot pause an ASIC without quitting its miner program (which the agent"
            + " could not start again); use restart-miner, set-power-mode on firmwares that have it,"
            + " or the PDU outlet");
  }

  @Override
  public DeviceState state() {
    return state;
  }

  @Override
  public double hashrateHs() {
    AsicReading r = last;
    return r == null || r.hashrateHs() == null ? 0 : r.hashrateHs();
  }

  /** Ignored: an ASIC mines on the pools configured in its firmware. */
  @Override
  public void applyWork(AssignedWork work) {}

  /** Polls the miner (blocking up to the configured timeout) and reports what it said. */
  @Override
  public DeviceTelemetry telemetry() {
    try {
      AsicReading r = poll();
      last = r;
      lastError = null;
      state = r.hashrateHs() != null && r.hashrateHs() > 0 ? DeviceState.MINING : DeviceState.IDLE;
    } catch (IOException | CgminerException e) {
      if (lastError == null || !lastError.equals(e.getMessage())) {
        LOG.log(Level.WARNING, "ASIC {0} at {1}: {2}", id, client.address(), e.getMessage());
      }
      lastError = e.getMessage();
      state = DeviceState.OFFLINE;
      return new DeviceTelemetry(
          id, "asic", 0, null, null, null, accepted(), rejected(), state.word());
    }
    AsicReading r = last;
    return new DeviceTelemetry(
        id,
        "asic",
        r.hashrateHs() == null ? 0 : r.hashrateHs(),
        r.temperatureC(),
        r.fanRpm(),
        r.powerW(),
        r.accepted(),
        r.rejected(),
        state.word());
  }

  /** The last poll's error, or null when it succeeded. */
  public String lastError() {
    return lastError;
  }

  /** The last successful reading, or null. */
  public AsicReading lastReading() {
    return last;
  }

  private long accepted() {
    AsicReading r = last;
    return r == null ? 0 : r.accepted();
  }

  private long rejected() {
    AsicReading r = last;
    return r == null ? 0 : r.rejected();
  }

  AsicReading poll() throws IOException, CgminerException {
    if (!Boolean.FALSE.equals(joinedCommands)) {
      try {
        JsonNode all = client.request("summary+devs+pools+stats", null);
        JsonNode summary = section(all, "summary");
        if (summary != null) {
          joinedCommands = true;
          return AsicReading.of(
              summary, section(all, "devs"), section(all, "stats"), section(all, "pools"));
        }
        joinedCommands = false;
      } catch (CgminerException e) {
        if (Boolean.TRUE.equals(joinedCommands)) {
          throw e;
        }
        joinedCommands = false;
      }
    }
    JsonNode summary = client.request("summary", null);
    return AsicReading.of(summary, optional("devs"), optional("stats"), optional("pools"));
  }

  private JsonNode optional(String command) throws IOException {
    try {
      return client.request(command, null);
    } catch (CgminerException e) {
      return null; // a firmware without this command still reports the rest
    }
  }

  /** A joined reply holds {@code "summary":[{...}]}: the one object in that list. */
  private static JsonNode section(JsonNode all, String name) {
    JsonNode s = all.get(name);
    if (s != null && s.isArray() && !s.isEmpty()) {
      return s.get(0);
    }
    return s != null && s.isObject() ? s : null;
  }

  @Override
  public void restart() {
    try {
      client.fireAndForget("restart");
    } catch (IOException | CgminerException e) {
      throw new IllegalStateException("restart of " + id + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Makes the first pool the active one: switches to it if the miner already has it (same URL and
   * user), else adds it, enables it and switches to it. Further pools are added as fallbacks when
   * missing.
   */
  @Override
  public void setPools(List<PoolSetting> pools) {
    if (pools.isEmpty()) {
      throw new IllegalArgumentException("set-pool needs at least one pool");
    }
    try {
      for (int i = pools.size() - 1; i >= 0; i--) {
        PoolSetting wanted = pools.get(i);
        Integer index = find(wanted);
        if (index == null) {
          client.request(
              "addpool",
              param(wanted.url()) + "," + param(wanted.user()) + "," + param(wanted.password()));
          index = find(wanted);
          if (index == null) {
            throw new IllegalStateException(
                "the miner accepted addpool for " + wanted.url() + " but does not list it");
          }
        }
        client.request("enablepool", Integer.toString(index));
        if (i == 0) {
          client.request("switchpool", Integer.toString(index));
        }
      }
    } catch (IOException | CgminerException e) {
      throw new IllegalStateException("set-pool on " + id + " failed: " + e.getMessage(), e);
    }
  }

  private Integer find(PoolSetting wanted) throws IOException, CgminerException {
    JsonNode reply = client.request("pools", null);
    for (AsicReading.Pool p : AsicReading.of(null, null, null, reply).pools()) {
      if (sameUrl(p.url(), wanted.url()) && p.user().equals(wanted.user())) {
        return p.index();
      }
    }
    return null;
  }

  private static boolean sameUrl(String a, String b) {
    return strip(a).equalsIgnoreCase(strip(b));
  }

  private static String strip(String url) {
    return url.strip().replaceFirst("/+$", "");
  }

  /** cgminer splits parameters on commas; a comma inside a value is escaped. */
  static String param(String value) {
    return value.replace("\\", "\\\\").replace(",", "\\,");
  }
}
