package io.otedama.agent.update;

import java.util.Map;

/** Where an update reports its stages (an {@code acked} result with {@code details.stage}). */
@FunctionalInterface
public interface UpdateProgress {
  void stage(String stage, Map<String, Object> details);
}
