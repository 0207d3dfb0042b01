package io.otedama.agent.runtime;

import io.otedama.agent.device.ShareSink;
import io.otedama.agent.spool.Outbox;
import io.otedama.agent.spool.SpoolKind;
import io.otedama.hashing.Hex;
import io.otedama.hashing.miner.FoundShare;
import io.otedama.protocol.codec.MessageCodec;
import io.otedama.protocol.codec.MessageLimits;
import io.otedama.protocol.message.Share;
import io.otedama.protocol.message.ShareBatchMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Collects the shares devices find into batches: a batch goes to the outbox {@code delay} after its
 * first share, or at once when it holds {@link MessageLimits#SAFE_SHARES_PER_BATCH} shares. Each
 * share gets its id here, before it is spooled. Called on mining threads: {@link #found} only
 * queues.
 */
public final class ShareBatcher implements ShareSink {
  private final Outbox outbox;
  private final MessageCodec codec;
  private final ShareIds ids;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final long delayMillis;
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong shares = new AtomicLong();
  private List<Share> pending = new ArrayList<>();
  private boolean flushScheduled;

  /**
   * @param scheduler runs the delayed flushes (their work happens on a thread of its own)
   */
  public ShareBatcher(
      Outbox outbox,
      MessageCodec codec,
      ShareIds ids,
      Clock clock,
      ScheduledExecutorService scheduler,
      Duration delay) {
    this.outbox = outbox;
    this.codec = codec;
    this.ids = ids;
    this.clock = clock;
    this.scheduler = scheduler;
    this.delayMillis = delay.toMillis();
  }

  @Override
  public void found(String deviceId, FoundShare found) {
    double difficulty = found.difficulty();
    if (!(difficulty > 0)) {
      return; // cannot happen for a hash that met a target; never send an invalid share
    }
    Share share =
        new Share(
            ids.next(),
            found.jobId(),
            found.extranonce2(),
            Hex.encodeInt32(found.ntime()),
            Hex.encodeInt32(found.nonce()),
            null,
            Math.min(difficulty, MessageLimits.MAX_DIFFICULTY),
            deviceId,
            clock.millis());
    boolean flushNow;
    boolean schedule = false;
    synchronized (this) {
      pending.add(share);
      flushNow = pending.size() >= MessageLimits.SAFE_SHARES_PER_BATCH;
      if (!flushNow && !flushScheduled) {
        flushScheduled = true;
        schedule = true;
      }
    }
    if (flushNow) {
      scheduler.execute(this::flush);
    } else if (schedule) {
      scheduler.schedule(this::flush, delayMillis, TimeUnit.MILLISECONDS);
    }
  }

  /** Sends what is pending now. */
  public void flush() {
    List<Share> batch;
    synchronized (this) {
      flushScheduled = false;
      if (pending.isEmpty()) {
        return;
      }
      batch = pending;
      pending = new ArrayList<>();
    }
    for (int from = 0; from < batch.size(); from += MessageLimits.SAFE_SHARES_PER_BATCH) {
      List<Share> part =
          batch.subList(from, Math.min(batch.size(), from + MessageLimits.SAFE_SHARES_PER_BATCH));
      outbox.submit(SpoolKind.SHARES, codec.encode(new ShareBatchMessage(clock.millis(), part)));
      batches.incrementAndGet();
      shares.addAndGet(part.size());
    }
  }

  /** Shares handed to the outbox so far. */
  public long shares() {
    return shares.get();
  }

  public long batches() {
    return batches.get();
  }
}
