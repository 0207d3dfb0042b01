package io.otedama.agent.device;

import io.otedama.hashing.miner.FoundShare;

/** Where devices hand the shares they find; implementations return at once. */
@FunctionalInterface
public interface ShareSink {
  void found(String deviceId, FoundShare share);
}
