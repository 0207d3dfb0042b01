package io.otedama.controller.payouts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Books the blocks the local work source finds as farm earnings (the next accounting run credits
 * them per scheme; the work feature counts them in {@code otedama_blocks_found_total{profile}}). A
 * block whose booking fails (database unreachable) is kept and retried by the accounting job, so a
 * short outage loses no block; booking is idempotent by block hash.
 */
public final class BlockBooker implements Consumer<io.otedama.controller.work.BlockFound> {
  private static final Logger LOG = LoggerFactory.getLogger(BlockBooker.class);

  private final PayoutService payouts;
  private final BigDecimal networkDifficulty;
  private final Counter failures;
  private final Queue<BlockFound> pending = new ConcurrentLinkedQueue<>();

  /**
   * @param networkDifficulty the local source's difficulty: what its blocks were found at
   */
  public BlockBooker(PayoutService payouts, BigDecimal networkDifficulty, MeterRegistry metrics) {
    this.payouts = payouts;
    this.networkDifficulty = networkDifficulty;
    this.failures =
        Counter.builder("otedama_block_bookings_failed")
            .description("Blocks found whose booking failed and waits for a retry")
            .register(metrics);
  }

  @Override
  public void accept(io.otedama.controller.work.BlockFound found) {
    if (found.reward() <= 0) {
      LOG.warn("block {} pays no reward: nothing to book", found.height());
      return;
    }
    BlockFound block =
        new BlockFound(
            found.height(), found.hash(), found.reward(), 0, networkDifficulty, found.foundAt());
    book(block);
  }

  /** Retries the blocks whose booking failed; returns how many are still pending. */
  public int retryPending() {
    int n = pending.size();
    for (int i = 0; i < n; i++) {
      BlockFound block = pending.poll();
      if (block != null) {
        book(block);
      }
    }
    return pending.size();
  }

  private void book(BlockFound block) {
    try {
      Booking booking = payouts.bookBlock(block);
      LOG.info(
          "block {} ({}) booked: {} sats{}",
          block.height(),
          block.hash(),
          block.rewardSats(),
          booking.bookedNow() ? "" : " (already booked)");
    } catch (PayoutConflictException e) {
      LOG.warn("block {} refused: {}", block.height(), e.getMessage());
    } catch (RuntimeException e) {
      failures.increment();
      pending.add(block);
      LOG.warn("block {} could not be booked yet, will retry: {}", block.height(), e.toString());
    }
  }
}
