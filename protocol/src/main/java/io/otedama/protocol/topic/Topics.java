package io.otedama.protocol.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds and parses the MQTT topic names of CONTRACTS.md §5. Every topic and filter the agent and
 * the controller use comes from here, so the layout lives in one place.
 */
public final class Topics {
  /** The protocol's topic root. */
  public static final String ROOT = "otedama/v1";

  /** Everything before the rig id. */
  public static final String RIGS_PREFIX = ROOT + "/rigs/";

  /** The shared-subscription group controller replicas join by default. */
  public static final String DEFAULT_SHARE_GROUP = "otedama";

  private static final String SHARE_PREFIX = "$share/";

  private Topics() {}

  /**
   * The topic of {@code kind} for {@code rigId}, e.g. {@code otedama/v1/rigs/r1/cmd/result}.
   *
   * @throws IllegalArgumentException when the rig id is invalid
   */
  public static String topic(String rigId, TopicKind kind) {
    RigIdSyntax.requireValid(rigId);
    return RIGS_PREFIX + rigId + '/' + kind.suffix();
  }

  /**
   * Parses a concrete topic name (no wildcards). Empty when it is not a well-formed rig topic:
   * wrong root, invalid rig id, or an unknown suffix.
   */
  public static Optional<RigTopic> parse(String topic) {
    if (topic == null || !topic.startsWith(RIGS_PREFIX)) {
      return Optional.empty();
    }
    int idStart = RIGS_PREFIX.length();
    int idEnd = topic.indexOf('/', idStart);
    if (idEnd < 0) {
      return Optional.empty();
    }
    String rigId = topic.substring(idStart, idEnd);
    if (!RigIdSyntax.isValid(rigId)) {
      return Optional.empty();
    }
    return TopicKind.fromSuffix(topic.substring(idEnd + 1)).map(kind -> new RigTopic(rigId, kind));
  }

  /** The filter for one kind across all rigs, e.g. {@code otedama/v1/rigs/+/telemetry}. */
  public static String allRigsFilter(TopicKind kind) {
    return RIGS_PREFIX + "+/" + kind.suffix();
  }

  /** The filter for a rig's whole subtree: {@code otedama/v1/rigs/{rigId}/#}. */
  public static String rigSubtreeFilter(String rigId) {
    RigIdSyntax.requireValid(rigId);
    return RIGS_PREFIX + rigId + "/#";
  }

  /**
   * A shared-subscription form of {@code filter}: {@code $share/{group}/{filter}}, so that
   * controller replicas split the messages between them.
   *
   * @throws IllegalArgumentException when the group name is empty or contains {@code / + #}
   */
  public static String shared(String group, String filter) {
    Objects.requireNonNull(filter, "filter");
    if (group == null
        || group.isEmpty()
        || group.indexOf('/') >= 0
        || group.indexOf('+') >= 0
        || group.indexOf('#') >= 0) {
      throw new IllegalArgumentException(
          "invalid shared-subscription group "
              + RigIdSyntax.quoteForMessage(group)
              + ": it must be non-empty and contain no '/', '+' or '#'");
    }
    return SHARE_PREFIX + group + '/' + filter;
  }

  /**
   * The filters the controller subscribes to: every agent-published kind across all rigs. With
   * {@code shareGroup} non-null each is in its {@code $share/{shareGroup}/...} form, e.g. {@code
   * $share/otedama/otedama/v1/rigs/+/telemetry}.
   */
  public static List<String> controllerFilters(String shareGroup) {
    List<String> filters = new ArrayList<>();
    for (TopicKind kind : TopicKind.values()) {
      if (kind.publisher() == Publisher.AGENT) {
        String filter = allRigsFilter(kind);
        filters.add(shareGroup == null ? filter : shared(shareGroup, filter));
      }
    }
    return List.copyOf(filters);
  }

  /** The topics an agent subscribes to: its own {@code work} and {@code cmd}. */
  public static List<String> agentFilters(String rigId) {
    List<String> filters = new ArrayList<>();
    for (TopicKind kind : TopicKind.values()) {
      if (kind.publisher() == Publisher.CONTROLLER) {
        filters.add(topic(rigId, kind));
      }
    }
    return List.copyOf(filters);
  }

  /**
   * Whether {@code filter} is a syntactically valid MQTT topic filter: non-empty, no NUL, {@code +}
   * only as a whole level, {@code #} only as the whole last level.
   */
  public static boolean isValidFilter(String filter) {
    if (filter == null || filter.isEmpty()) {
      return false;
    }
    int length = filter.length();
    int levelStart = 0;
    for (int i = 0; i <= length; i++) {
      if (i == length || filter.charAt(i) == '/') {
        int levelLength = i - levelStart;
        for (int j = levelStart; j < i; j++) {
          char c = filter.charAt(j);
          if (c == '\u0000') {
            return false;
          }
          if ((c == '+' || c == '#') && levelLength != 1) {
            return false;
          }
          if (c == '#' && i != length) {
            return false;
          }
        }
        levelStart = i + 1;
      }
    }
    return true;
  }
}
