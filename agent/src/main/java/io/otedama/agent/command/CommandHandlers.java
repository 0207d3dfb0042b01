package io.otedama.agent.command;

import io.otedama.agent.device.AssignedWork;
import io.otedama.agent.device.MiningDevice;
import io.otedama.agent.device.PoolSetting;
import io.otedama.agent.device.PowerMode;
import io.otedama.agent.device.UnsupportedCommandException;
import io.otedama.agent.update.FirmwareUpdater;
import io.otedama.agent.update.UpdateProgress;
import io.otedama.protocol.message.CommandType;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What each command type does on this rig. Device commands go to every device, or to the one named
 * by the {@code device} argument; a device that cannot do it says why in the result's details, and
 * the command fails only when no device could do it or one failed trying.
 *
 * <ul>
 *   <li>{@code reboot}: the {@link RebootAction} (the configured system command on a rig);
 *   <li>{@code restart-miner}: restarts the devices and gives them the current work again;
 *   <li>{@code set-pool} {@code {"pools":[{"url","user","password"?}]}} (or one pool's fields at
 *       the top level): ASICs switch pools; simulated miners take them; CPUs have none;
 *   <li>{@code stop}, {@code start}: stop or resume hashing;
 *   <li>{@code set-power-mode} {@code {"mode":"sleep"|"low"|"normal"|"high"}} ({@code eco} = low);
 *   <li>{@code blink-led} {@code {"seconds":N}} (default 30, at most 3600): the LED configured as
 *       {@code commands.ledPath} (a Linux {@code /sys/class/leds/...} directory) and devices that
 *       have one.
 * </ul>
 */
public final class CommandHandlers {
  private static final System.Logger LOG = System.getLogger(CommandHandlers.class.getName());

  private final List<MiningDevice> devices;
  private final Supplier<AssignedWork> currentWork;
  private final RebootAction reboot;
  private final Path ledPath;
  private final Consumer<Runnable> background;
  private final FirmwareUpdater updater;

  /**
   * @param background runs the LED's switch-off later
   */
  public CommandHandlers(
      List<MiningDevice> devices,
      Supplier<AssignedWork> currentWork,
      RebootAction reboot,
      Path ledPath,
      Consumer<Runnable> background) {
    this(devices, currentWork, reboot, ledPath, background, null);
  }

  /**
   * @param updater runs {@code update-firmware}, or null (the command then fails: not configured)
   */
  public CommandHandlers(
      List<MiningDevice> devices,
      Supplier<AssignedWork> currentWork,
      RebootAction reboot,
      Path ledPath,
      Consumer<Runnable> background,
      FirmwareUpdater updater) {
    this.devices = List.copyOf(devices);
    this.currentWork = currentWork;
    this.reboot = reboot;
    this.ledPath = ledPath;
    this.background = background;
    this.updater = updater;
  }

  /** Whether {@code update-firmware} can run here. */
  public boolean canUpdate() {
    return updater != null;
  }

  /**
   * {@code update-firmware}: download, verify, install (docs/firmware.md), reporting each stage to
   * {@code progress}.
   */
  public CommandOutcome update(String commandId, Map<String, Object> args, UpdateProgress progress)
      throws InterruptedException {
    if (updater == null) {
      return CommandOutcome.failed(
          "not-configured: this agent has no update section (update.publicKeys) configured",
          Map.of("stage", "failed", "reason", "not-configured"));
    }
    return updater.update(commandId, args, progress);
  }

  /**
   * Executes one command.
   *
   * @throws IllegalArgumentException for bad arguments (the message says which)
   */
  public CommandOutcome execute(CommandType type, Map<String, Object> args)
      throws InterruptedException {
    return switch (type) {
      case REBOOT -> reboot.reboot();
      case RESTART_MINER ->
          onDevices(
              args,
              "restarted",
              d -> {
                d.restart();
                AssignedWork work = currentWork.get();
                if (work != null) {
                  d.applyWork(work);
                }
              });
      case STOP -> onDevices(args, "stopped", MiningDevice::stop);
      case START ->
          onDevices(
              args,
              "started",
              d -> {
                AssignedWork work = currentWork.get();
                if (work != null) {
                  d.applyWork(work);
                }
                d.start();
              });
      case SET_POWER_MODE -> {
        PowerMode mode = PowerMode.parse(text(args, "mode"));
        yield onDevices(args, "set to " + mode.word(), d -> d.setPowerMode(mode));
      }
      case SET_POOL -> {
        List<PoolSetting> pools = pools(args);
        yield onDevices(args, "switched to " + pools.get(0), d -> d.setPools(pools));
      }
      case BLINK_LED -> blink(args);
      case UPDATE_FIRMWARE -> update("unknown", args, (stage, details) -> {});
    };
  }

  private interface DeviceAction {
    void apply(MiningDevice device);
  }

  private CommandOutcome onDevices(Map<String, Object> args, String verb, DeviceAction action) {
    List<MiningDevice> targets = targets(args);
    if (targets.isEmpty()) {
      return CommandOutcome.failed("this rig has no devices");
    }
    Map<String, Object> results = new LinkedHashMap<>();
    List<String> done = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    for (MiningDevice d : targets) {
      try {
        action.apply(d);
        results.put(d.id(), "ok");
        done.add(d.id());
      } catch (UnsupportedCommandException e) {
        results.put(d.id(), "unsupported: " + e.getMessage());
        unsupported.add(e.getMessage());
      } catch (RuntimeException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        results.put(d.id(), "failed: " + message);
        failures.add(d.id() + ": " + message);
      }
    }
    Map<String, Object> details = Map.of("devices", results);
    if (!failures.isEmpty()) {
      return CommandOutcome.failed(String.join("; ", failures), details);
    }
    if (done.isEmpty()) {
      return CommandOutcome.failed(String.join("; ", unsupported), details);
    }
    return CommandOutcome.succeeded(String.join(", ", done) + " " + verb, details);
  }

  private List<MiningDevice> targets(Map<String, Object> args) {
    Object device = args.get("device");
    if (device == null) {
      return devices;
    }
    for (MiningDevice d : devices) {
      if (d.id().equals(String.valueOf(device))) {
        return List.of(d);
      }
    }
    throw new IllegalArgumentException(
        "no device '"
            + device
            + "' on this rig; its devices: "
            + String.join(", ", devices.stream().map(MiningDevice::id).toList()));
  }

  private CommandOutcome blink(Map<String, Object> args) {
    long seconds = whole(args, "seconds", 30, 1, 3600);
    Duration duration = Duration.ofSeconds(seconds);
    if (ledPath != null) {
      try {
        blinkSysfsLed(duration);
      } catch (IOException e) {
        return CommandOutcome.failed("cannot drive the LED at " + ledPath + ": " + e.getMessage());
      }
      if (args.get("device") == null) {
        for (MiningDevice d : devices) {
          try {
            d.blinkLed(duration);
          } catch (RuntimeException e) {
            // the rig's own LED is blinking; devices without one do not matter
          }
        }
        return CommandOutcome.succeeded(
            "LED " + ledPath.getFileName() + " blinking for " + seconds + " s",
            Map.of("seconds", seconds));
      }
    }
    return onDevices(args, "blinking for " + seconds + " s", d -> d.blinkLed(duration));
  }

  /** Drives a Linux LED class device: the {@code timer} trigger, then back to off. */
  private void blinkSysfsLed(Duration duration) throws IOException {
    Path trigger = ledPath.resolve("trigger");
    Path brightness = ledPath.resolve("brightness");
    if (Files.exists(trigger)) {
      Files.writeString(trigger, "timer");
    } else {
      Files.writeString(brightness, "1");
    }
    background.accept(() -> {
      try {
        Thread.sleep(duration.toMillis());
        if (Files.exists(trigger)) {
          Files.writeString(trigger, "none");
        }
        Files.writeString(brightness, "0");
      } catch (IOException e) {
        LOG.log(Level.WARNING, "cannot switch the LED at {0} off: {1}", ledPath, e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  // ---- arguments

  static String text(Map<String, Object> args, String name) {
    Object v = args.get(name);
    if (v == null) {
      throw new IllegalArgumentException("argument '" + name + "' is required");
    }
    if (!(v instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException("argument '" + name + "' must be a non-empty string");
    }
    return s;
  }

  static long whole(Map<String, Object> args, String name, long fallback, long min, long max) {
    Object v = args.get(name);
    if (v == null) {
      return fallback;
    }
    long n;
    if (v instanceof Long l) {
      n = l;
    } else if (v instanceof Integer i) {
      n = i;
    } else if (v instanceof Double d && d == Math.rint(d)) {
      n = d.longValue();
    } else {
      throw new IllegalArgumentException("argument '" + name + "' must be a whole number");
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(
          "argument '" + name + "' must be between " + min + " and " + max + ", got " + n);
    }
    return n;
  }

  static List<PoolSetting> pools(Map<String, Object> args) {
    List<PoolSetting> out = new ArrayList<>();
    Object list = args.get("pools");
    if (list == null && args.get("url") != null) {
      out.add(pool(args, "set-pool"));
    } else if (list instanceof List<?> items && !items.isEmpty()) {
      for (int i = 0; i < items.size(); i++) {
        if (!(items.get(i) instanceof Map<?, ?> m)) {
          throw new IllegalArgumentException(
              "pools[" + i + "] must be an object with url and user");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> pool = (Map<String, Object>) m;
        out.add(pool(pool, "pools[" + i + "]"));
      }
    } else {
      throw new IllegalArgumentException(
          "set-pool needs 'pools': [{\"url\":\"stratum+tcp://host:port\",\"user\":\"...\"}]");
    }
    return out;
  }

  private static PoolSetting pool(Map<String, Object> m, String where) {
    Object url = m.get("url");
    Object user = m.get("user");
    Object password = m.get("password");
    if (!(url instanceof String u) || !u.matches("(?i)stratum\\+(tcp|ssl)://[^\\s/]+(:\\d+)?/?")) {
      throw new IllegalArgumentException(
          where + ".url must be stratum+tcp://host:port or stratum+ssl://host:port, got " + url);
    }
    if (!(user instanceof String us) || us.isBlank()) {
      throw new IllegalArgumentException(where + ".user must be a non-empty string");
    }
    if (password != null && !(password instanceof String)) {
      throw new IllegalArgumentException(where + ".password must be a string");
    }
    return new PoolSetting(u, us, (String) password);
  }
}
