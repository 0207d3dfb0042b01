package io.otedama.controller.bench;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An executor for many Paho clients in one process: Paho runs each client's receiver, sender and
 * callback loops as long-lived tasks on the executor it is given, so every task gets its own
 * virtual thread (blocking socket reads cost no platform thread; on JDK 24+ Paho's {@code
 * synchronized} blocks no longer pin them). Delayed tasks (keep-alive pings) run on two platform
 * threads. Paho never shuts an executor it was given down; {@link #close()} does.
 */
final class VirtualThreadScheduler extends AbstractExecutorService
    implements ScheduledExecutorService, AutoCloseable {

  private final ThreadFactory virtualThreads;
  private final ScheduledThreadPoolExecutor timers;
  private volatile boolean shutdown;

  VirtualThreadScheduler(String name) {
    this.virtualThreads = Thread.ofVirtual().name(name + "-", 0).factory();
    AtomicLong n = new AtomicLong();
    this.timers =
        new ScheduledThreadPoolExecutor(
            2,
            r -> {
              Thread t = new Thread(r, name + "-timer-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.timers.setRemoveOnCancelPolicy(true);
  }

  @Override
  public void execute(Runnable command) {
    virtualThreads.newThread(command).start();
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return timers.schedule(command, delay, unit);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return timers.schedule(callable, delay, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    return timers.scheduleAtFixedRate(command, initialDelay, period, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    return timers.scheduleWithFixedDelay(command, initialDelay, delay, unit);
  }

  /** Ignored: the shared executor outlives each client. */
  @Override
  public void shutdown() {}

  @Override
  public List<Runnable> shutdownNow() {
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return shutdown && timers.isTerminated();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return timers.awaitTermination(timeout, unit);
  }

  @Override
  public void close() {
    shutdown = true;
    timers.shutdownNow();
  }
}
