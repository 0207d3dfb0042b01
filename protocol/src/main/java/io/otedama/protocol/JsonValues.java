package io.otedama.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a Jackson tree into plain, unmodifiable Java values, so records can carry free-form JSON
 * (command arguments, Stratum results) without exposing mutable Jackson nodes.
 *
 * <p>Mapping: object to {@code Map<String, Object>} (insertion order; members whose value is JSON
 * {@code null} are dropped, since absent and null mean the same in these protocols), array to
 * {@code List<Object>} (JSON {@code null} elements kept as {@code null}, positions matter), string
 * to {@link String}, whole number to {@link Long} (or {@link java.math.BigInteger} when too big),
 * other number to {@link Double} (or {@link BigDecimal} when not representable), boolean to {@link
 * Boolean}, null to {@code null}.
 */
public final class JsonValues {
  private JsonValues() {}

  /** The plain Java value of {@code node}. */
  public static Object toJava(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      double value = node.doubleValue();
      return Double.isFinite(value) ? (Object) value : node.decimalValue();
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      for (JsonNode element : node) {
        list.add(toJava(element));
      }
      return Collections.unmodifiableList(list);
    }
    if (node.isObject()) {
      return toJavaMap(node);
    }
    // binary and POJO nodes never come out of a parser
    return node.asText();
  }

  /** The plain map of an object node; empty for anything that is not an object. */
  public static Map<String, Object> toJavaMap(JsonNode node) {
    if (node == null || !node.isObject()) {
      return Map.of();
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      Object value = toJava(field.getValue());
      if (value != null) {
        map.put(field.getKey(), value);
      }
    }
    return Collections.unmodifiableMap(map);
  }
}
