package io.otedama.controller.mqtt;

import io.otedama.protocol.message.ShareBatchMessage;

/**
 * Where share batches from {@code otedama/v1/rigs/{id}/shares} go: the shares feature (validation,
 * dedup, share log) implements it. Called on a dispatch thread, in arrival order per rig; may wait
 * briefly for backpressure but must not do long blocking work.
 */
@FunctionalInterface
public interface ShareBatchHandler {

  void onShares(String rigId, ShareBatchMessage batch, long receivedAtMillis)
      throws InterruptedException;
}
