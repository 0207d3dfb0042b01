package io.otedama.controller.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.otedama.controller.api.ApiException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The command types agents carry out, each with its argument rules (docs/api.md lists them). Args
 * are checked here so an agent never receives a command it would have to refuse for its shape.
 */
public enum CommandType {
  /** Reboot the rig; optional {@code delaySeconds} 0..3600. */
  REBOOT("reboot", Set.of("delaySeconds")) {
    @Override
    void check(JsonNode args) {
      optionalInt(args, "delaySeconds", 0, 3600);
    }
  },
  /** Restart the mining process. */
  RESTART_MINER("restart-miner", Set.of()),
  /** Stop hashing (the agent stays connected). */
  STOP("stop", Set.of()),
  /** Start hashing again. */
  START("start", Set.of()),
  /**
   * {@code mode}: sleep, low, normal or high, the agent's power modes ({@code eco} is accepted as
   * another name for low; curtailment sends low and restores normal).
   */
  SET_POWER_MODE("set-power-mode", Set.of("mode")) {
    @Override
    void check(JsonNode args) {
      String mode = requiredText(args, "mode", 16);
      if (!Set.of("sleep", "low", "eco", "normal", "high").contains(mode)) {
        throw ApiException.badRequest(
            "set-power-mode needs mode sleep, low (or eco), normal or high; got '" + mode + "'.");
      }
    }
  },
  /** Blink the identification LED; optional {@code seconds} 1..3600. */
  BLINK_LED("blink-led", Set.of("seconds")) {
    @Override
    void check(JsonNode args) {
      optionalInt(args, "seconds", 1, 3600);
    }
  },
  /**
   * Point the miner at pools: either a work {@code profile} name, or {@code pools}, a failover list
   * (1 to 8) of {@code {"url","user","password"?}} with url {@code stratum+tcp://host:port} or
   * {@code stratum+ssl://host:port}, and an optional {@code priority} (whole number, 0 and up), as
   * in docs/protocol.md.
   */
  SET_POOL("set-pool", Set.of("profile", "pools", "priority")) {
    private static final Pattern STRATUM_URL =
        Pattern.compile("stratum\\+(tcp|ssl)://[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}");
    private static final Set<String> POOL_FIELDS = Set.of("url", "user", "password");

    @Override
    void check(JsonNode args) {
      if (args.has("profile") == args.has("pools")) {
        throw ApiException.badRequest("set-pool takes either a profile or a pools list.");
      }
      optionalInt(args, "priority", 0, 1000);
      if (args.has("profile")) {
        requiredText(args, "profile", 128);
        return;
      }
      JsonNode pools = args.get("pools");
      if (!pools.isArray() || pools.isEmpty() || pools.size() > 8) {
        throw ApiException.badRequest("set-pool pools must be a list of 1 to 8 pools.");
      }
      for (JsonNode pool : pools) {
        if (!pool.isObject()) {
          throw ApiException.badRequest(
              "Each set-pool pool must be an object {url, user, password?}.");
        }
        for (Iterator<String> it = pool.fieldNames(); it.hasNext(); ) {
          String field = it.next();
          if (!POOL_FIELDS.contains(field)) {
            throw ApiException.badRequest(
                "Unknown pool field '" + field + "'; a pool has url, user and password.");
          }
        }
        String url = requiredText(pool, "url", 512);
        if (!STRATUM_URL.matcher(url).matches()) {
          throw ApiException.badRequest(
              "A set-pool url must look like stratum+tcp://host:port or stratum+ssl://host:port.");
        }
        requiredText(pool, "user", 256);
        if (pool.has("password") && !pool.get("password").isTextual()) {
          throw ApiException.badRequest("A set-pool password must be a string.");
        }
      }
    }
  },
  /**
   * Download, verify and install a signed artifact (docs/firmware.md): {@code url} (http or https),
   * {@code sha256} (64 hex), {@code size} (bytes), {@code signature} (base64 Ed25519 over the
   * digest), {@code version}; optional {@code kind} ({@code agent} or {@code miner}).
   */
  UPDATE_FIRMWARE(
      "update-firmware", Set.of("url", "sha256", "size", "signature", "version", "kind")) {
    @Override
    void check(JsonNode args) {
      String url = requiredText(args, "url", 2048);
      if (!url.startsWith("http://") && !url.startsWith("https://")) {
        throw ApiException.badRequest("update-firmware url must be http:// or https://.");
      }
      if (!requiredText(args, "sha256", 64).matches("[0-9a-f]{64}")) {
        throw ApiException.badRequest("update-firmware sha256 must be 64 lowercase hex digits.");
      }
      JsonNode size = args.get("size");
      if (size == null || !size.isIntegralNumber() || size.asLong() < 1) {
        throw ApiException.badRequest("update-firmware size must be a positive whole number.");
      }
      requiredText(args, "signature", 128);
      requiredText(args, "version", 128);
      if (args.has("kind") && !Set.of("agent", "miner").contains(args.get("kind").asText())) {
        throw ApiException.badRequest("update-firmware kind must be agent or miner.");
      }
    }
  };

  private final String wireName;
  private final Set<String> allowedArgs;

  CommandType(String wireName, Set<String> allowedArgs) {
    this.wireName = wireName;
    this.allowedArgs = allowedArgs;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<CommandType> of(String wireName) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
  }

  public static String allNames() {
    return Arrays.stream(values()).map(CommandType::wireName).collect(Collectors.joining(", "));
  }

  /** Checks {@code args} (null means none) and returns them as a map for the publisher. */
  public Map<String, Object> validate(
      JsonNode args, com.fasterxml.jackson.databind.ObjectMapper json) {
    if (args == null || args.isNull()) {
      args = json.createObjectNode();
    }
    if (!args.isObject()) {
      throw ApiException.badRequest("args must be a JSON object.");
    }
    for (Iterator<String> it = args.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowedArgs.contains(name)) {
        throw ApiException.badRequest(
            "Unknown argument '"
                + name
                + "' for "
                + wireName
                + (allowedArgs.isEmpty()
                    ? ", which takes no arguments."
                    : "; allowed: "
                        + String.join(", ", allowedArgs.stream().sorted().toList())
                        + "."));
      }
    }
    check(args);
    @SuppressWarnings("unchecked")
    Map<String, Object> map = json.convertValue(args, LinkedHashMap.class);
    return map;
  }

  void check(JsonNode args) {}

  static String requiredText(JsonNode args, String name, int maxLength) {
    JsonNode v = args.get(name);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw ApiException.badRequest(
          "The argument '" + name + "' is required and must be a string.");
    }
    if (v.asText().length() > maxLength) {
      throw ApiException.badRequest(
          "The argument '" + name + "' is limited to " + maxLength + " characters.");
    }
    return v.asText();
  }

  static void optionalInt(JsonNode args, String name, int min, int max) {
    JsonNode v = args.get(name);
    if (v == null) {
      return;
    }
    if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
      throw ApiException.badRequest(
          "The argument '" + name + "' must be a whole number from " + min + " to " + max + ".");
    }
  }
}
