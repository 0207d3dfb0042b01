package io.otedama.protocol.topic;

/**
 * The broker-side rule of CONTRACTS.md §5: a rig publishes and subscribes only under {@code
 * otedama/v1/rigs/{its own id}/}. Pure functions, called by the broker's authorizer for every rig
 * client (the controller's own client is not subject to them).
 *
 * <p>Publishing is narrower than the subtree: a rig may publish only the kinds agents publish
 * ({@code birth}, {@code status}, {@code telemetry}, {@code shares}, {@code cmd/result}) on its own
 * id, so it cannot forge its own work or commands nor fill the broker with retained junk topics.
 * Subscribing is allowed for any filter that can only ever match topics in its own subtree: the
 * rig-id level and those before it must be literal, wildcards may appear only after it. Shared
 * subscriptions and every other {@code $}-topic are refused to rigs.
 */
public final class TopicAcl {
  private static final int RIG_LEVEL = 3; // otedama / v1 / rigs / {rigId}

  private TopicAcl() {}

  /** Whether rig {@code rigId} may publish on {@code topic}. */
  public static boolean mayPublish(String rigId, String topic) {
    if (!RigIdSyntax.isValid(rigId) || topic == null) {
      return false;
    }
    if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0 || topic.indexOf('\u0000') >= 0) {
      return false;
    }
    return Topics.parse(topic)
        .filter(t -> t.rigId().equals(rigId) && t.kind().publisher() == Publisher.AGENT)
        .isPresent();
  }

  /** Whether rig {@code rigId} may subscribe to {@code filter}. */
  public static boolean maySubscribe(String rigId, String filter) {
    if (!RigIdSyntax.isValid(rigId) || !Topics.isValidFilter(filter) || filter.startsWith("$")) {
      return false;
    }
    String[] levels = filter.split("/", -1);
    if (levels.length <= RIG_LEVEL + 1) {
      return false; // nothing below the rig id: not under its subtree
    }
    return levels[0].equals("otedama")
        && levels[1].equals("v1")
        && levels[2].equals("rigs")
        && levels[RIG_LEVEL].equals(rigId);
  }
}
