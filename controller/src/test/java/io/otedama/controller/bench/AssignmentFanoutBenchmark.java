package io.otedama.controller.bench;

import io.otedama.controller.work.AgentAssignments;
import io.otedama.controller.work.FeedSettings;
import io.otedama.controller.work.JobVector;
import io.otedama.controller.work.ManualWorkSource;
import io.otedama.controller.work.RigWork;
import io.otedama.controller.work.SourceJob;
import io.otedama.controller.work.SourceSession;
import io.otedama.controller.work.Vardiff;
import io.otedama.controller.work.VardiffSettings;
import io.otedama.controller.work.WorkFeed;
import io.otedama.hashing.Algorithm;
import io.otedama.protocol.codec.MessageCodec;
import io.otedama.protocol.stratum.MiningNotify;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A new upstream job reaching every rig: from the source's notify to one work assignment per rig
 * handed to the publisher, for 10,000 agent rigs on one feed. {@code built} stops at the publisher
 * seam (what the work feature does); {@code encoded} also turns each assignment into its JSON
 * payload as the MQTT edge will. Run as in docs/performance.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AssignmentFanoutBenchmark {
  @Param({"10000"})
  public int rigs;

  private final Clock clock = Clock.systemUTC();
  private final MessageCodec messages = new MessageCodec();
  private final SourceSession session = new SourceSession(1, "bench", "01000000", 4, 0x1fffe000);
  private ManualWorkSource builtSource;
  private ManualWorkSource encodedSource;
  private long published;
  private long bytes;
  private long job;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    builtSource = feed((rigId, m) -> published++);
    encodedSource = feed((rigId, m) -> bytes += messages.encode(m).length);
  }

  private ManualWorkSource feed(io.otedama.controller.work.WorkAssignmentPublisher publisher)
      throws Exception {
    ManualWorkSource source = new ManualWorkSource("bench");
    WorkFeed feed = new WorkFeed(source, FeedSettings.DEFAULTS, clock);
    AgentAssignments agents = new AgentAssignments(publisher, clock);
    for (int i = 0; i < rigs; i++) {
      feed.attach(
          new RigWork(
              "rig-" + i,
              "rig-" + i,
              null,
              RigWork.Kind.AGENT,
              null,
              Vardiff.variable(VardiffSettings.DEFAULTS, 1, Instant.now()),
              agents));
    }
    return source;
  }

  private SourceJob nextJob() {
    MiningNotify n = JobVector.notify(Long.toHexString(job++), true);
    return SourceJob.of(n, session, Algorithm.SHA256D, 1024, clock.instant());
  }

  @Benchmark
  public long built() {
    builtSource.issue(nextJob());
    return published;
  }

  @Benchmark
  public long encoded() {
    encodedSource.issue(nextJob());
    return bytes;
  }
}
