package io.otedama.controller.bench;

import io.otedama.controller.shares.ShareSubmission;
import io.otedama.controller.shares.ShareValidator;
import io.otedama.controller.shares.ShareVerdict;
import io.otedama.controller.work.FeedSettings;
import io.otedama.controller.work.JobVector;
import io.otedama.controller.work.ManualWorkSource;
import io.otedama.controller.work.RecordingSubscriber;
import io.otedama.controller.work.RigWork;
import io.otedama.controller.work.SourceJob;
import io.otedama.controller.work.SourceSession;
import io.otedama.controller.work.Vardiff;
import io.otedama.controller.work.VardiffSettings;
import io.otedama.controller.work.WorkFeed;
import io.otedama.hashing.Algorithm;
import io.otedama.hashing.Hex;
import io.otedama.protocol.stratum.MiningSubmit;
import io.otedama.protocol.stratum.StratumCodec;
import io.otedama.protocol.stratum.StratumProtocolException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Share validation per core, the whole server-side path of one {@code mining.submit}: decode the
 * line, rebuild the header from the rig's job and slice, SHA-256d, difficulty check, dedup insert.
 * Two cases: {@code sameExtranonce2} (a miner rolling nonces: the merkle root is reused) and {@code
 * interleavedRigs} (every share from another rig: the coinbase and 13-step merkle branch are hashed
 * again each time, the worst case). Every share is new: a fresh job is issued every 4096 shares so
 * the dedup set keeps accepting. Run as in docs/performance.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ShareValidationBenchmark {
  private static final int LINES = 4096;
  private static final int RIGS = 16;

  private final StratumCodec codec = new StratumCodec();
  private final ShareValidator validator =
      new ShareValidator(Duration.ofSeconds(5), Duration.ofSeconds(10));
  private final ManualWorkSource source = new ManualWorkSource("bench");
  private final Clock clock = Clock.systemUTC();
  private final WorkFeed feed =
      new WorkFeed(
          source, new FeedSettings(65_536, 2, 4, 32, Duration.ofMinutes(2), 1 << 16), clock);
  private final SourceSession session = new SourceSession(1, "bench", JobVector.EXTRANONCE1, 4, 0);
  private final RigWork[] rigs = new RigWork[RIGS];
  private final String[] sameLines = new String[LINES];
  private final String[] mixedLines = new String[LINES];
  private final Instant now = Instant.now();
  private int next;
  private long jobs;

  @Setup
  public void setUp() throws Exception {
    for (int i = 0; i < RIGS; i++) {
      rigs[i] =
          new RigWork(
              "rig-" + i,
              "rig-" + i,
              null,
              RigWork.Kind.STRATUM,
              null,
              Vardiff.fixed(VardiffSettings.DEFAULTS, 1e-12, now),
              new RecordingSubscriber());
      feed.attach(rigs[i]);
    }
    newJob();
    for (int i = 0; i < LINES; i++) {
      String nonce = Hex.encodeInt32(i * 7919);
      sameLines[i] = line("0000", "0000", nonce);
      int rig = i % RIGS;
      mixedLines[i] =
          line(Hex.encodeInt32(rig).substring(4), "00" + Hex.encodeInt32(i).substring(6), nonce);
    }
  }

  private String line(String prefix, String rolled, String nonce) {
    return "{\"params\": [\"farm.s19\", \"JOB\", \""
        + prefix
        + rolled
        + "\", \""
        + JobVector.NTIME
        + "\", \""
        + nonce
        + "\"], \"id\": 117, \"method\": \"mining.submit\"}";
  }

  private String jobId;

  private void newJob() {
    source.issue(
        SourceJob.of(
            JobVector.notify("j" + jobs++, false),
            session,
            Algorithm.SHA256D,
            1e9,
            clock.instant()));
    jobId = feed.current().orElseThrow().id();
  }

  private ShareVerdict validate(String[] lines, boolean mixed) throws StratumProtocolException {
    int i = next++;
    if (next == LINES) {
      next = 0;
      newJob();
    }
    MiningSubmit submit = (MiningSubmit) codec.decodeFromClient(lines[i]);
    ShareVerdict v =
        validator.validate(
            rigs[mixed ? i % RIGS : 0],
            new ShareSubmission(
                null,
                jobId,
                submit.extranonce2(),
                submit.ntime(),
                submit.nonce(),
                submit.versionBits(),
                now));
    if (!v.accepted()) {
      throw new IllegalStateException("benchmark share rejected: " + v.message());
    }
    return v;
  }

  @Benchmark
  public ShareVerdict sameExtranonce2() throws StratumProtocolException {
    return validate(sameLines, false);
  }

  @Benchmark
  public ShareVerdict interleavedRigs() throws StratumProtocolException {
    return validate(mixedLines, true);
  }
}
