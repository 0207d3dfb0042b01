package io.otedama.controller.mqtt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.otedama.protocol.codec.RejectReason;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts rejected inbound messages in {@code otedama_mqtt_rejected_total{reason}} (the codec's wire
 * names plus {@link #UNKNOWN_RIG}) and logs at most one line per rig per minute, so a rig sending
 * garbage every second cannot flood the log. The caller carries on with the next message.
 */
public final class RejectedMessages {

  /** A well-formed message from a rig the controller does not know (deleted, or never enrolled). */
  public static final String UNKNOWN_RIG = "unknown_rig";

  private static final Logger log = LoggerFactory.getLogger(RejectedMessages.class);
  private static final long LOG_INTERVAL_NANOS = 60_000_000_000L;
  private static final int MAX_TRACKED_RIGS = 100_000;

  private final MeterRegistry registry;
  private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Long> lastLogged = new ConcurrentHashMap<>();

  public RejectedMessages(MeterRegistry registry) {
    this.registry = registry;
    // registered up front so dashboards see every reason at 0 before the first rejection
    for (RejectReason reason : RejectReason.values()) {
      counter(reason.wireName());
    }
    counter(UNKNOWN_RIG);
  }

  /**
   * Records one rejected message.
   *
   * @param rigId the rig the topic names, or null when the topic names none
   * @param reason the metric label, e.g. {@code bad_json}
   */
  public void reject(String rigId, String topic, String reason, String detail) {
    counter(reason).increment();
    String key = rigId == null ? "?" : rigId;
    long now = System.nanoTime();
    Long previous = lastLogged.get(key);
    if (previous != null && now - previous < LOG_INTERVAL_NANOS) {
      return;
    }
    if (lastLogged.size() >= MAX_TRACKED_RIGS) {
      lastLogged.clear();
    }
    if (previous == null
        ? lastLogged.putIfAbsent(key, now) == null
        : lastLogged.replace(key, previous, now)) {
      log.warn(
          "Rejected MQTT message from rig {} on {} ({}): {} [further rejections of this rig are"
              + " only counted for a minute]",
          key,
          printable(topic),
          reason,
          detail);
    }
  }

  public double count(String reason) {
    return counter(reason).count();
  }

  private Counter counter(String reason) {
    return counters.computeIfAbsent(
        reason,
        r ->
            Counter.builder("otedama_mqtt_rejected_total")
                .description("Inbound MQTT messages rejected, by reason")
                .tag("reason", r)
                .register(registry));
  }

  private static String printable(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), 120));
    for (int i = 0; i < text.length() && i < 120; i++) {
      char c = text.charAt(i);
      out.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return out.toString();
  }
}
