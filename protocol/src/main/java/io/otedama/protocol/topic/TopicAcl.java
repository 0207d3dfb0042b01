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

  private static final TopicKind[] AGENT_KINDS =
      java.util.Arrays.stream(TopicKind.values())
          .filter(kind -> kind.publisher() == Publisher.AGENT)
          .toArray(TopicKind[]::new);

  private TopicAcl() {}

  /**
   * Whether rig {@code rigId} may publish on {@code topic}. Allocation-free: the broker calls it
   * for every PUBLISH.
   */
  public static boolean mayPublish(String rigId, String topic) {
    if (topic == null || !RigIdSyntax.isValid(rigId) || !topic.startsWith(Topics.RIGS_PREFIX)) {
      return false;
    }
    int idStart = Topics.RIGS_PREFIX.length();
    int slash = idStart + rigId.length();
    if (!topic.startsWith(rigId, idStart)
        || topic.length() <= slash
        || topic.charAt(slash) != '/') {
      return false;
    }
    int suffixLength = topic.length() - slash - 1;
    for (TopicKind kind : AGENT_KINDS) {
      String suffix = kind.suffix();
      if (suffix.length() == suffixLength
          && topic.regionMatches(slash + 1, suffix, 0, suffixLength)) {
        return true;
      }
    }
    return false;
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
