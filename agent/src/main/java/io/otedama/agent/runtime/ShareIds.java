package io.otedama.agent.runtime;

import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Share ids: {@code <random boot id>-<counter>}, e.g. {@code 3k9x0p2m7q-42}. The boot id (48 random
 * bits) differs for every agent start, the counter for every share, so an id is unique per rig
 * without persisting anything; it is stored with the share in the spool, so a replay sends the same
 * id and the controller can drop the duplicate.
 */
public final class ShareIds {
  private final String prefix;
  private final AtomicLong counter = new AtomicLong();

  public ShareIds(RandomGenerator random) {
    this.prefix = Long.toString(random.nextLong() >>> 16, 36);
  }

  public String next() {
    return prefix + "-" + counter.incrementAndGet();
  }
}
