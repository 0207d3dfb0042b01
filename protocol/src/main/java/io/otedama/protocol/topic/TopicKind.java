package io.otedama.protocol.topic;

import java.util.Optional;

/**
 * The message kinds under a rig's subtree, with the topic suffix after {@code
 * otedama/v1/rigs/{rigId}/} and the delivery settings of CONTRACTS.md §5.
 */
public enum TopicKind {
  BIRTH("birth", Publisher.AGENT, 1, false),
  STATUS("status", Publisher.AGENT, 1, true),
  /** CONTRACTS.md allows QoS 0 or 1; 1 is the default so a load run can prove nothing is lost. */
  TELEMETRY("telemetry", Publisher.AGENT, 1, false),
  SHARES("shares", Publisher.AGENT, 1, false),
  WORK("work", Publisher.CONTROLLER, 1, true),
  CMD("cmd", Publisher.CONTROLLER, 1, false),
  CMD_RESULT("cmd/result", Publisher.AGENT, 1, false);

  private static final TopicKind[] ALL = values();

  private final String suffix;
  private final Publisher publisher;
  private final int qos;
  private final boolean retained;

  TopicKind(String suffix, Publisher publisher, int qos, boolean retained) {
    this.suffix = suffix;
    this.publisher = publisher;
    this.qos = qos;
    this.retained = retained;
  }

  /** The topic levels after the rig id, e.g. {@code cmd/result}. */
  public String suffix() {
    return suffix;
  }

  public Publisher publisher() {
    return publisher;
  }

  /** The QoS to publish (and subscribe) with. */
  public int qos() {
    return qos;
  }

  /** Whether messages of this kind are published retained. */
  public boolean retained() {
    return retained;
  }

  /** The kind whose suffix is exactly {@code suffix}, if any. */
  public static Optional<TopicKind> fromSuffix(String suffix) {
    for (TopicKind kind : ALL) {
      if (kind.suffix.equals(suffix)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
