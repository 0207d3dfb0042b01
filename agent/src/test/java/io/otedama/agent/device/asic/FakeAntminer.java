package io.otedama.agent.device.asic;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * An Antminer S19 behind its cgminer API: recorded summary, devs and stats replies (with the
 * firmware's quirks: a NUL after the reply, numbers in strings, {@code inf} and {@code nan}, the
 * missing comma between STATS objects), joined commands answered like bmminer does, and a pool list
 * that {@code addpool}, {@code enablepool} and {@code switchpool} really change.
 */
final class FakeAntminer implements BiFunction<String, String, String> {
  record Pool(String url, String user, boolean enabled) {}

  final List<Pool> pools = new ArrayList<>();
  volatile int active;
  volatile boolean writeAccess = true;
  volatile int restarts;

  FakeAntminer() {
    pools.add(new Pool("stratum+tcp://farm-proxy.local:3333", "farm.s19-a", true));
    pools.add(new Pool("stratum+tcp://backup.pool:3333", "farm.s19-a", true));
  }

  @Override
  public synchronized String apply(String command, String parameter) {
    if (command.contains("+")) {
      StringBuilder out = new StringBuilder("{");
      for (String part : command.split("\\+")) {
        if (out.length() > 1) {
          out.append(',');
        }
        out.append('"').append(part).append("\":[").append(single(part, null)).append(']');
      }
      return out.append(",\"id\":1}").toString();
    }
    return single(command, parameter);
  }

  private String single(String command, String parameter) {
    return switch (command) {
      case "summary" -> ScriptedCgminer.resource("s19-summary.json");
      case "stats" -> ScriptedCgminer.resource("s19-stats.json");
      case "devs" -> ScriptedCgminer.resource("s19-devs.json");
      case "pools" -> pools();
      case "addpool", "enablepool", "switchpool" -> write(command, parameter);
      case "restart" -> {
        restarts++;
        yield null; // the miner restarts at once and closes the connection without a word
      }
      default -> status("E", 14, "Invalid command");
    };
  }

  private String write(String command, String parameter) {
    if (!writeAccess) {
      return status("E", 45, "Access denied to '" + command + "' command");
    }
    switch (command) {
      case "addpool" -> {
        String[] p = parameter.split("(?<!\\\\),");
        pools.add(new Pool(p[0], p[1], true));
        return status("S", 55, "Added pool " + (pools.size() - 1) + ": '" + p[0] + "'");
      }
      case "enablepool" -> {
        int i = Integer.parseInt(parameter);
        pools.set(i, new Pool(pools.get(i).url(), pools.get(i).user(), true));
        return status("S", 47, "Enabling pool " + i);
      }
      default -> {
        active = Integer.parseInt(parameter);
        return status("S", 27, "Switching to pool " + active);
      }
    }
  }

  private String pools() {
    StringBuilder out =
        new StringBuilder(
            "{\"STATUS\":[{\"STATUS\":\"S\",\"When\":1716999999,\"Code\":7,\"Msg\":\""
                + pools.size()
                + " Pool(s)\",\"Description\":\"cgminer 4.9.2\"}],\"POOLS\":[");
    for (int i = 0; i < pools.size(); i++) {
      Pool p = pools.get(i);
      if (i > 0) {
        out.append(',');
      }
      out.append("{\"POOL\":")
          .append(i)
          .append(",\"URL\":\"")
          .append(p.url())
          .append("\",\"Status\":\"")
          .append(p.enabled() ? "Alive" : "Disabled")
          .append("\",\"Priority\":")
          .append(i)
          .append(",\"User\":\"")
          .append(p.user())
          .append("\",\"Stratum Active\":")
          .append(i == active)
          .append('}');
    }
    return out.append("],\"id\":1}").toString();
  }

  static String status(String code, int number, String message) {
    return "{\"STATUS\":[{\"STATUS\":\""
        + code
        + "\",\"When\":1716999999,\"Code\":"
        + number
        + ",\"Msg\":\""
        + message
        + "\",\"Description\":\"cgminer 4.9.2\"}],\"id\":1}";
  }
}
