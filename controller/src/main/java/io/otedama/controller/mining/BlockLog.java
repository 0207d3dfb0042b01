package io.otedama.controller.mining;

import io.otedama.controller.work.BlockFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Blocks found are rare and matter to the operator: one INFO line each. */
final class BlockLog {
  private static final Logger LOG = LoggerFactory.getLogger(BlockLog.class);

  private BlockLog() {}

  static void found(BlockFound block) {
    LOG.info(
        "Block found at height {} by rig {} on {}: {} (reward {} sat)",
        block.height(),
        block.rigId(),
        block.source(),
        block.hash(),
        block.reward());
  }
}
