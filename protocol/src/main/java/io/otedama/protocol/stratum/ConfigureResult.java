package io.otedama.protocol.stratum;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The result of {@code mining.configure}: one entry per extension, e.g. {@code {"version-rolling":
 * true, "version-rolling.mask": "1fffe000"}}.
 *
 * @param values the result object as plain Java values, insertion-ordered
 */
public record ConfigureResult(Map<String, Object> values) {
  public ConfigureResult {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Version rolling granted with {@code mask} (8 hex digits). */
  public static ConfigureResult versionRolling(String mask) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(MiningConfigure.VERSION_ROLLING, true);
    values.put(MiningConfigure.VERSION_ROLLING + ".mask", mask);
    return new ConfigureResult(values);
  }

  /** Version rolling refused. */
  public static ConfigureResult versionRollingRefused() {
    return new ConfigureResult(Map.of(MiningConfigure.VERSION_ROLLING, false));
  }

  /** This result plus one more extension entry, e.g. {@code ("minimum-difficulty", true)}. */
  public ConfigureResult with(String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(key, value);
    return new ConfigureResult(copy);
  }

  /** Whether version rolling was granted. */
  public boolean versionRollingGranted() {
    return Boolean.TRUE.equals(values.get(MiningConfigure.VERSION_ROLLING));
  }

  /** The granted mask in 8 lower-case hex digits, or null when not granted or not readable. */
  public String versionRollingMask() {
    if (!versionRollingGranted()
        || !(values.get(MiningConfigure.VERSION_ROLLING + ".mask") instanceof String mask)
        || mask.isEmpty()
        || mask.length() > 8
        || !ParamReader.isHex(mask)) {
      return null;
    }
    return ParamReader.leftPad8(mask.toLowerCase(Locale.ROOT));
  }

  public StratumResponse toResponse(StratumId id) {
    return StratumResponse.ok(id, values);
  }

  /**
   * Reads a pool's answer to configure.
   *
   * @throws StratumProtocolException when the response is an error or its result not an object
   */
  public static ConfigureResult from(StratumResponse response) throws StratumProtocolException {
    if (response.error() != null) {
      throw new StratumProtocolException(
          StratumProtocolException.Kind.ERROR_RESPONSE,
          response.id(),
          "configure was refused: "
              + response.error().code()
              + " "
              + ParamReader.sanitize(response.error().message()));
    }
    if (!(response.result() instanceof Map<?, ?> map)) {
      throw new StratumProtocolException(
          StratumProtocolException.Kind.BAD_PARAMS,
          response.id(),
          "configure response: the result is not an object");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    map.forEach((k, v) -> values.put(String.valueOf(k), v));
    return new ConfigureResult(values);
  }
}
