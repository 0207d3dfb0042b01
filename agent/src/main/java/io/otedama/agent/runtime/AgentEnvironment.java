package io.otedama.agent.runtime;

import io.otedama.agent.device.simulated.SimulatedHashing;
import io.otedama.agent.link.ThreadPerTaskScheduler;
import io.otedama.protocol.codec.MessageCodec;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * What every rig of a process shares: the executor Paho and the agent's timers run on, the codec,
 * the clock, randomness, and (when simulated devices exist) the simulated hashing threads. One
 * agent has one rig; the fleet simulator has thousands on one environment.
 */
public final class AgentEnvironment implements AutoCloseable {
  private final ThreadPerTaskScheduler scheduler;
  private final MessageCodec codec;
  private final Clock clock;
  private final SplittableRandom random;
  private final int simulatedHashingThreads;
  private SimulatedHashing simulatedHashing;

  public AgentEnvironment(
      ThreadPerTaskScheduler scheduler, Clock clock, long seed, int simulatedHashingThreads) {
    this.scheduler = scheduler;
    this.codec = new MessageCodec(clock);
    this.clock = clock;
    this.random = new SplittableRandom(seed);
    this.simulatedHashingThreads = simulatedHashingThreads;
  }

  /** An environment with the defaults: virtual threads where safe, the system clock. */
  public static AgentEnvironment standard(String name) {
    return new AgentEnvironment(
        ThreadPerTaskScheduler.create(name), Clock.systemUTC(), new SecureRandom().nextLong(), 1);
  }

  /**
   * The environment of a single-rig agent: platform threads (a handful, with small stacks), since
   * one rig does not need virtual threads and their scheduler costs memory an idle agent should not
   * pay.
   */
  public static AgentEnvironment singleRig(String name) {
    return new AgentEnvironment(
        ThreadPerTaskScheduler.create(name, false),
        Clock.systemUTC(),
        new SecureRandom().nextLong(),
        1);
  }

  public ThreadPerTaskScheduler scheduler() {
    return scheduler;
  }

  public MessageCodec codec() {
    return codec;
  }

  public Clock clock() {
    return clock;
  }

  /** A random generator of its own for one user (generators are not thread-safe). */
  public synchronized RandomGenerator newRandom() {
    return random.split();
  }

  /** The shared simulated hashing, started on first use. */
  public synchronized SimulatedHashing simulatedHashing() {
    if (simulatedHashing == null) {
      simulatedHashing = new SimulatedHashing(simulatedHashingThreads);
    }
    return simulatedHashing;
  }

  @Override
  public synchronized void close() {
    if (simulatedHashing != null) {
      simulatedHashing.close();
    }
    scheduler.shutdownNow();
  }
}
