package io.otedama.agent.spool;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything the rig sends besides birth and status goes through here: appended to the {@link
 * Spool} first, then published in order by one drain task at a time, and removed from the spool
 * only once the broker acknowledged it. Connected or not, the path is the same, so nothing is lost
 * between "connected" and "published", the order is kept across outages and restarts, and a replay
 * after an outage is just the drain catching up.
 *
 * <p>The drain publishes a window of messages (at most {@code window}, and fewer than the broker's
 * Receive Maximum), waits for their acknowledgements, commits them, and repeats until the spool is
 * empty or the link drops. At-least-once: a crash or a lost acknowledgement re-sends (shares carry
 * ids; the controller drops a share id it has seen).
 */
public final class Outbox {
  private static final System.Logger LOG = System.getLogger(Outbox.class.getName());

  private final Spool spool;
  private final MessagePublisher publisher;
  private final Executor drainExecutor;
  private final int window;
  private final Duration ackTimeout;
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicLong published = new AtomicLong();

  /**
   * @param drainExecutor runs the drain task (it blocks on acknowledgements)
   * @param window messages in flight per round
   */
  public Outbox(
      Spool spool,
      MessagePublisher publisher,
      Executor drainExecutor,
      int window,
      Duration ackTimeout) {
    this.spool = Objects.requireNonNull(spool, "spool");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.drainExecutor = Objects.requireNonNull(drainExecutor, "drainExecutor");
    if (window < 1) {
      throw new IllegalArgumentException("window must be at least 1");
    }
    this.window = window;
    this.ackTimeout = ackTimeout;
  }

  /** Spools a message and starts delivering it if the link is up. */
  public void submit(SpoolKind kind, byte[] payload) {
    spool.append(kind, payload);
    requestDrain();
  }

  /** Starts a drain unless one is running or the link is down. Call it after every connect. */
  public void requestDrain() {
    if (!publisher.isConnected() || spool.isEmpty()) {
      return;
    }
    if (draining.compareAndSet(false, true)) {
      try {
        drainExecutor.execute(this::drain);
      } catch (RuntimeException e) {
        draining.set(false);
        LOG.log(Level.WARNING, "cannot start the outbox drain: {0}", e.toString());
      }
    }
  }

  /** Messages acknowledged by the broker so far. */
  public long published() {
    return published.get();
  }

  public Spool spool() {
    return spool;
  }

  private void drain() {
    try {
      while (publisher.isConnected()) {
        // within the broker's Receive Maximum, with room for Paho's own bookkeeping
        int inFlight = Math.max(1, Math.min(window, publisher.maxInFlight() - 2));
        List<SpoolRecord> batch = spool.peek(inFlight);
        if (batch.isEmpty()) {
          break;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (SpoolRecord r : batch) {
          CompletableFuture<Void> ack = publisher.publish(r.kind().topicKind(), r.payload());
          acks.add(ack);
          if (ack.isCompletedExceptionally()) {
            // refused at once (Paho's in-flight limit, the link just dropped): sending the rest
            // would put them ahead of this one, and the next round sends them again anyway
            break;
          }
        }
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        long committed = -1;
        boolean complete = true;
        for (int i = 0; i < acks.size(); i++) {
          if (!await(acks.get(i), deadline)) {
            complete = false;
            break; // keep the order: nothing after a failed message counts as delivered
          }
          committed = batch.get(i).seq();
        }
        if (committed >= 0) {
          spool.commit(committed);
        }
        if (!complete) {
          break; // the link is down or refusing; the next connect drains again
        }
        published.addAndGet(acks.size());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "outbox drain stopped: {0}", e.toString());
    } finally {
      draining.set(false);
    }
    // a message may have arrived between the last peek and the flag reset
    requestDrain();
  }

  private static boolean await(CompletableFuture<Void> ack, long deadlineNanos) {
    try {
      ack.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      LOG.log(Level.DEBUG, "a publish failed: {0}", String.valueOf(e.getCause()));
      return false;
    } catch (TimeoutException e) {
      LOG.log(Level.DEBUG, "no acknowledgement in time");
      return false;
    }
  }
}
