package io.otedama.controller.mqtt;

/**
 * The topic rule of CONTRACTS §5: a rig may publish and subscribe only under {@code
 * otedama/v1/rigs/{its own id}/}. Wildcards are allowed only below the rig's own id segment.
 */
public final class RigTopicAccess {

  private static final String ROOT = "otedama/v1/rigs/";

  private RigTopicAccess() {}

  public static boolean mayPublish(String rigId, String topic) {
    return isUnder(rigId, topic) && topic.indexOf('+') < 0 && topic.indexOf('#') < 0;
  }

  public static boolean maySubscribe(String rigId, String topicFilter) {
    return isUnder(rigId, topicFilter);
  }

  private static boolean isUnder(String rigId, String topic) {
    if (rigId == null || rigId.isEmpty() || topic == null) {
      return false;
    }
    int prefix = ROOT.length() + rigId.length();
    return topic.length() > prefix + 1
        && topic.startsWith(ROOT)
        && topic.startsWith(rigId, ROOT.length())
        && topic.charAt(prefix) == '/';
  }
}
