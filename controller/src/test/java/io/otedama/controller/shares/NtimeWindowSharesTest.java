package io.otedama.controller.shares;

import static org.assertj.core.api.Assertions.assertThat;

import io.otedama.controller.support.MutableClock;
import io.otedama.controller.work.AgentAssignments;
import io.otedama.controller.work.FeedSettings;
import io.otedama.controller.work.IssuedJob;
import io.otedama.controller.work.JobVector;
import io.otedama.controller.work.ManualWorkSource;
import io.otedama.controller.work.RecordingSubscriber;
import io.otedama.controller.work.RigWork;
import io.otedama.controller.work.SliceExhaustedException;
import io.otedama.controller.work.SourceJob;
import io.otedama.controller.work.SourceSession;
import io.otedama.controller.work.Vardiff;
import io.otedama.controller.work.VardiffSettings;
import io.otedama.controller.work.WorkFeed;
import io.otedama.controller.work.WorkSlice;
import io.otedama.hashing.Algorithm;
import io.otedama.hashing.Difficulty;
import io.otedama.hashing.Hex;
import io.otedama.hashing.Target;
import io.otedama.hashing.sha256.Sha256d;
import io.otedama.hashing.stratum.HeaderAssembler;
import io.otedama.protocol.message.WorkAssignmentMessage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The small-extranonce2 fallback end to end: a session with one byte of extranonce2 and no version
 * rolling has room for one rig by extranonce2 alone; with ntime windows every rig gets its own
 * ntime (the job's plus its window), its assignment carries that ntime, its shares there are
 * accepted, and a share at another rig's ntime is refused.
 */
class NtimeWindowSharesTest {
  private static final double DIFFICULTY = 0.00001;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-26T12:00:00Z"));
  private final ShareValidator validator =
      new ShareValidator(Duration.ofSeconds(5), Duration.ofSeconds(10));
  private final SourceSession session = new SourceSession(1, "pool-a", JobVector.EXTRANONCE1, 1, 0);

  private WorkFeed feed(int ntimeWindowBits, ManualWorkSource source) {
    FeedSettings settings =
        new FeedSettings(1_000, 2, 4, 32, Duration.ofMinutes(2), 1 << 16)
            .withMaxNtimeWindowBits(ntimeWindowBits);
    WorkFeed feed = new WorkFeed(source, settings, clock);
    source.issue(
        SourceJob.of(
            JobVector.notify("up-1", true), session, Algorithm.SHA256D, 1, clock.instant()));
    return feed;
  }

  private RigWork rig(String id) {
    return new RigWork(
        id,
        id,
        "acct",
        RigWork.Kind.AGENT,
        null,
        Vardiff.variable(VardiffSettings.DEFAULTS, DIFFICULTY, clock.instant()),
        new RecordingSubscriber());
  }

  private ManualWorkSource source;

  @BeforeEach
  void setUp() {
    source = new ManualWorkSource("pool-a");
  }

  @Test
  void withoutNtimeWindowsASecondRigFindsNoRoom() throws Exception {
    WorkFeed feed = feed(0, source);
    feed.attach(rig("rig-a"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> feed.attach(rig("rig-b")))
        .isInstanceOf(SliceExhaustedException.class)
        .hasMessageContaining("add an upstream session");
  }

  @Test
  void eachRigMinesAtItsOwnNtimeAndNoOtherRigsNtimeIsAccepted() throws Exception {
    WorkFeed feed = feed(10, source);
    RigWork a = rig("rig-a");
    RigWork b = rig("rig-b");
    feed.attach(a);
    feed.attach(b);
    IssuedJob job = feed.current().orElseThrow();
    assertThat(job.layout().ntimeWindowBits()).isEqualTo(10);
    WorkSlice sa = a.sliceFor(job);
    WorkSlice sb = b.sliceFor(job);
    assertThat(sa.ntimeOffset()).isNotEqualTo(sb.ntimeOffset());

    // the assignment tells the rig its ntime
    int jobNtime = job.source().job().ntime();
    WorkAssignmentMessage assignment = AgentAssignments.message(job, sb, DIFFICULTY, 0);
    assertThat(assignment.job().ntime()).isEqualTo(Hex.encodeInt32(jobNtime + sb.ntimeOffset()));
    assertThat(assignment.extranonce2Prefix()).isEmpty();

    ShareSubmission own = mine(job, sb, jobNtime + sb.ntimeOffset(), "b1");
    ShareVerdict accepted = validator.validate(b, own);
    assertThat(accepted.accepted()).as(accepted.message()).isTrue();

    // the same extranonce2 and nonce at rig a's ntime: rig a's share space, refused for rig b
    ShareSubmission others = mine(job, sb, jobNtime + sa.ntimeOffset(), "b2");
    ShareVerdict refused = validator.validate(b, others);
    assertThat(refused.reason()).isEqualTo(RejectReason.MALFORMED);
    assertThat(refused.message()).contains("ntime window");
    // and rig b's share is not rig a's either
    ShareVerdict notA = validator.validate(a, own);
    assertThat(notA.reason()).isEqualTo(RejectReason.MALFORMED);
  }

  /** Hashes until a share meets the rig's difficulty at the given ntime. */
  private ShareSubmission mine(IssuedJob job, WorkSlice slice, int ntime, String shareId) {
    Target target = Difficulty.toTarget(Algorithm.SHA256D, DIFFICULTY);
    byte[] en2 = new byte[slice.extranonce2Size()];
    System.arraycopy(slice.prefix(), 0, en2, 0, slice.prefix().length);
    HeaderAssembler assembler = new HeaderAssembler();
    Sha256d sha = new Sha256d();
    byte[] header = new byte[80];
    byte[] hash = new byte[32];
    int version = slice.headerVersion(job.source().job().version(), 0);
    for (int nonce = 0; ; nonce++) {
      assembler.assemble(
          job.source().job(), session.extranonce1(), en2, ntime, nonce, version, -1, header);
      sha.hash(header, 0, 80, hash, 0);
      if (target.isMetBy(hash)) {
        return new ShareSubmission(
            shareId,
            job.id(),
            Hex.encode(en2),
            Hex.encodeInt32(ntime),
            Hex.encodeInt32(nonce),
            null,
            clock.instant());
      }
    }
  }
}
