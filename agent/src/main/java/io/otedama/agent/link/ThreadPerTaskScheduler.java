package io.otedama.agent.link;

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
 * The executor handed to Paho (and shared by every MQTT client of a process): each submitted task
 * gets its own thread, and delays are kept by one shared timer thread that hands due tasks off to
 * new threads.
 *
 * <p>Why: a Paho client runs three loops that block forever (receiver, sender, callback) on
 * whatever executor it gets, so a fixed pool would starve, and without an executor every client
 * starts its own {@code java.util.Timer} thread for keep-alive pings. With virtual threads this is
 * what lets 10,000 simulated rigs share one process.
 *
 * <p>Virtual threads are used only on Java 24 and later: Paho waits in {@code Object.wait()} inside
 * {@code synchronized} blocks, which on Java 21 pins the carrier thread and would stall a large
 * fleet (JEP 491 removed that in Java 24). Before 24 the tasks run on small-stack daemon platform
 * threads.
 */
public final class ThreadPerTaskScheduler extends AbstractExecutorService
    implements ScheduledExecutorService {
  private final ThreadFactory threads;
  private final ScheduledThreadPoolExecutor timer;
  private final boolean virtual;

  private ThreadPerTaskScheduler(String name, ThreadFactory threads, boolean virtual) {
    this.threads = threads;
    this.virtual = virtual;
    this.timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(null, r, name + "-timer", 256 * 1024);
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
  }

  /** Virtual threads where they do not pin (Java 24+), platform threads otherwise. */
  public static ThreadPerTaskScheduler create(String name) {
    return create(name, virtualThreadsSafeForPaho());
  }

  /** With virtual or platform threads as asked. */
  public static ThreadPerTaskScheduler create(String name, boolean virtual) {
    if (virtual) {
      return new ThreadPerTaskScheduler(
          name, Thread.ofVirtual().name(name + "-", 0).factory(), true);
    }
    AtomicLong n = new AtomicLong();
    ThreadFactory platform =
        r -> {
          Thread t = new Thread(null, r, name + "-" + n.incrementAndGet(), 256 * 1024);
          t.setDaemon(true);
          return t;
        };
    return new ThreadPerTaskScheduler(name, platform, false);
  }

  /** Whether this JVM runs Paho's monitor waits on virtual threads without pinning. */
  public static boolean virtualThreadsSafeForPaho() {
    return Runtime.version().feature() >= 24;
  }

  /** Whether tasks run on virtual threads. */
  public boolean virtual() {
    return virtual;
  }

  /** The factory making this scheduler's task threads; other long-lived loops may use it too. */
  public ThreadFactory threadFactory() {
    return threads;
  }

  @Override
  public void execute(Runnable command) {
    if (timer.isShutdown()) {
      throw new java.util.concurrent.RejectedExecutionException("the scheduler is shut down");
    }
    threads.newThread(command).start();
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return timer.schedule(() -> execute(command), delay, unit);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return timer.schedule(callable, delay, unit);
  }

  /** Runs on the shared timer thread itself: keep such tasks short and non-blocking. */
  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    return timer.scheduleAtFixedRate(command, initialDelay, period, unit);
  }

  /** Runs on the shared timer thread itself: keep such tasks short and non-blocking. */
  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    return timer.scheduleWithFixedDelay(command, initialDelay, delay, unit);
  }

  @Override
  public void shutdown() {
    timer.shutdown();
  }

  @Override
  public List<Runnable> shutdownNow() {
    return timer.shutdownNow();
  }

  @Override
  public boolean isShutdown() {
    return timer.isShutdown();
  }

  @Override
  public boolean isTerminated() {
    return timer.isTerminated();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return timer.awaitTermination(timeout, unit);
  }

  /** A plain executor that runs each task on its own thread of this scheduler's kind. */
  public java.util.concurrent.Executor taskExecutor() {
    return this::execute;
  }
}
