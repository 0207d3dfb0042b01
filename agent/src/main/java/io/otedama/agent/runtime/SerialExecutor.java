package io.otedama.agent.runtime;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * Runs tasks one at a time, in submission order, on an underlying executor, without holding a
 * thread while idle: a rig's incoming messages keep their order, and 10,000 idle simulated rigs
 * cost no threads.
 */
public final class SerialExecutor implements Executor {
  private static final System.Logger LOG = System.getLogger(SerialExecutor.class.getName());

  private final Executor underlying;
  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
  private final int maxQueued;
  private boolean running;

  /**
   * @param maxQueued tasks beyond this are refused (a flood must not exhaust memory)
   */
  public SerialExecutor(Executor underlying, int maxQueued) {
    this.underlying = underlying;
    this.maxQueued = maxQueued;
  }

  /**
   * Queues a task.
   *
   * @throws java.util.concurrent.RejectedExecutionException when the queue is full
   */
  @Override
  public void execute(Runnable task) {
    synchronized (queue) {
      if (queue.size() >= maxQueued) {
        throw new java.util.concurrent.RejectedExecutionException(
            "more than " + maxQueued + " messages waiting");
      }
      queue.addLast(task);
      if (running) {
        return;
      }
      running = true;
    }
    underlying.execute(this::drain);
  }

  private void drain() {
    while (true) {
      Runnable next;
      synchronized (queue) {
        next = queue.pollFirst();
        if (next == null) {
          running = false;
          return;
        }
      }
      try {
        next.run();
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "a queued task failed", e);
      }
    }
  }
}
