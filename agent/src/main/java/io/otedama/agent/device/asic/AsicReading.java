package io.otedama.agent.device.asic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one poll of a miner's {@code summary}, {@code devs}, {@code stats} and {@code pools} says,
 * reduced to the figures the agent reports. Reads the Antminer (bmminer/cgminer 4), Whatsminer
 * (btminer) and plain cgminer shapes.
 *
 * @param hashrateHs the 5-second (else average) hashrate, or null when the miner did not say
 * @param temperatureC the hottest board or chip, or null
 * @param fanRpm the fastest fan, or null
 * @param powerW the power the miner reports (Whatsminer and some Antminer firmwares), or null
 * @param model the miner's type (Antminer's {@code stats Type}), or null
 * @param pools the configured pools in priority order
 */
public record AsicReading(
    Double hashrateHs,
    Double temperatureC,
    Integer fanRpm,
    Double powerW,
    long accepted,
    long rejected,
    String model,
    List<Pool> pools) {

  /** One configured pool as the miner lists it. */
  public record Pool(
      int index, String url, String user, String status, int priority, boolean active) {}

  private static final Pattern TEMPERATURE_FIELD =
      Pattern.compile(
          "temp\\d+|temp2_\\d+|temp_chip\\d*|temp_pcb\\d*|temp_chip_max|Temperature|Chip Temp Max");
  private static final Pattern FAN_FIELD = Pattern.compile("fan\\d+|Fan Speed In|Fan Speed Out");
  private static final Map<String, Double> HASHRATE_FIELDS =
      Map.of(
          "GHS 5s", 1e9,
          "MHS 5s", 1e6,
          "KHS 5s", 1e3,
          "THS 5s", 1e12,
          "GHS av", 1e9,
          "MHS av", 1e6,
          "KHS av", 1e3,
          "THS av", 1e12);
  private static final List<String> HASHRATE_ORDER =
      List.of("THS 5s", "GHS 5s", "MHS 5s", "KHS 5s", "THS av", "GHS av", "MHS av", "KHS av");

  /**
   * Reads the per-command replies (each the object that holds {@code SUMMARY}, {@code DEVS}, {@code
   * STATS} or {@code POOLS}); any of them may be null.
   */
  public static AsicReading of(JsonNode summary, JsonNode devs, JsonNode stats, JsonNode pools) {
    JsonNode s = first(summary, "SUMMARY");
    Double hashrate = hashrate(s);
    if (hashrate == null) {
      // some firmwares leave the summary empty and report per chain in stats
      for (JsonNode st : items(stats, "STATS")) {
        hashrate = hashrate(st);
        if (hashrate != null) {
          break;
        }
      }
    }
    Double temperature = null;
    Integer fan = null;
    Double power = CgminerJson.firstNumber(s, "Power", "Power Realtime");
    String model = null;
    for (JsonNode obj :
        concat(s == null ? List.of() : List.of(s), items(devs, "DEVS"), items(stats, "STATS"))) {
      if (obj == null) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String name = field.getKey();
        if (TEMPERATURE_FIELD.matcher(name).matches()) {
          Double t = CgminerJson.maxOfList(field.getValue());
          if (t != null && t > 0 && t <= 200 && (temperature == null || t > temperature)) {
            temperature = t;
          }
        } else if (FAN_FIELD.matcher(name).matches()) {
          Double f = CgminerJson.number(field.getValue());
          if (f != null && f >= 0 && f <= 100_000 && (fan == null || f > fan)) {
            fan = (int) Math.round(f);
          }
        } else if (power == null && (name.equals("Power") || name.equals("chain_power"))) {
          Double p = CgminerJson.number(field.getValue());
          if (p != null && p >= 0 && p < 1e7) {
            power = p;
          }
        }
      }
      if (model == null && obj.hasNonNull("Type")) {
        model = obj.get("Type").asText();
      }
    }
    long accepted = whole(CgminerJson.number(s, "Accepted"));
    long rejected = whole(CgminerJson.number(s, "Rejected"));
    List<Pool> poolList = new ArrayList<>();
    for (JsonNode p : items(pools, "POOLS")) {
      Double index = CgminerJson.number(p, "POOL");
      Double priority = CgminerJson.number(p, "Priority");
      poolList.add(
          new Pool(
              index == null ? poolList.size() : index.intValue(),
              p.path("URL").asText(""),
              p.path("User").asText(""),
              p.path("Status").asText(""),
              priority == null ? poolList.size() : priority.intValue(),
              p.path("Stratum Active").asBoolean(false)));
    }
    return new AsicReading(hashrate, temperature, fan, power, accepted, rejected, model, poolList);
  }

  private static Double hashrate(JsonNode obj) {
    if (obj == null) {
      return null;
    }
    for (String field : HASHRATE_ORDER) {
      Double v = CgminerJson.number(obj, field);
      if (v != null && v >= 0) {
        return v * HASHRATE_FIELDS.get(field);
      }
    }
    return null;
  }

  private static long whole(Double d) {
    return d == null || d < 0 ? 0 : d.longValue();
  }

  private static JsonNode first(JsonNode reply, String section) {
    List<JsonNode> all = items(reply, section);
    return all.isEmpty() ? null : all.get(0);
  }

  static List<JsonNode> items(JsonNode reply, String section) {
    List<JsonNode> out = new ArrayList<>();
    if (reply == null) {
      return out;
    }
    JsonNode array = reply.get(section);
    if (array != null && array.isArray()) {
      array.forEach(out::add);
    } else if (array != null && array.isObject()) {
      out.add(array);
    }
    return out;
  }

  @SafeVarargs
  private static List<JsonNode> concat(List<JsonNode>... lists) {
    List<JsonNode> out = new ArrayList<>();
    for (List<JsonNode> l : lists) {
      out.addAll(l);
    }
    return out;
  }
}
