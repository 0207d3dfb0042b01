package io.otedama.hashing.miner;

/** Receives the shares a {@link CpuMiner} finds. */
@FunctionalInterface
public interface ShareListener {
  /**
   * Called on a mining thread for each share found; keep it short (hand the share to a queue)
   * because the thread does not hash meanwhile.
   */
  void onShare(FoundShare share);
}
