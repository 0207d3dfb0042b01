package io.otedama.controller.shares;

import static org.assertj.core.api.Assertions.assertThat;

import io.otedama.controller.support.MutableClock;
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
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The validator against the real difficulty-683 share of the shared vectors. */
class ShareValidatorTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-26T12:00:00Z"));
  private final ManualWorkSource source = new ManualWorkSource("pool-a");
  private final WorkFeed feed = new WorkFeed(source, FeedSettings.DEFAULTS, clock);
  private final ShareValidator validator =
      new ShareValidator(Duration.ofSeconds(5), Duration.ofSeconds(10));
  private final SourceSession session = new SourceSession(1, "pool-a", JobVector.EXTRANONCE1, 4, 0);
  private RigWork rig0;
  private RigWork rig1;
  private String jobId;

  @BeforeEach
  void setUp() throws Exception {
    source.issue(
        SourceJob.of(
            JobVector.notify("up-1", true), session, Algorithm.SHA256D, 512, clock.instant()));
    rig0 = rig("rig-a", 683);
    rig1 = rig("rig-b", 683);
    feed.attach(rig0);
    feed.attach(rig1);
    jobId = feed.current().orElseThrow().id();
  }

  private RigWork rig(String id, double difficulty) {
    return new RigWork(
        id,
        id,
        "acct",
        RigWork.Kind.AGENT,
        null,
        Vardiff.variable(VardiffSettings.DEFAULTS, difficulty, clock.instant()),
        new RecordingSubscriber());
  }

  private ShareSubmission vectorShare() {
    return share(JobVector.EXTRANONCE2, JobVector.NTIME, JobVector.NONCE, null);
  }

  private ShareSubmission share(String en2, String ntime, String nonce, String bits) {
    return new ShareSubmission("s1", jobId, en2, ntime, nonce, bits, clock.instant());
  }

  @Test
  void acceptsTheVectorShareAtItsDifficultyAndSendsItUpstream() {
    ShareVerdict v = validator.validate(rig0, vectorShare());
    assertThat(v.accepted()).as(v.message()).isTrue();
    assertThat(v.shareDifficulty()).isBetween(683.5, 683.6);
    assertThat(v.creditedDifficulty()).isEqualTo(683);
    assertThat(v.meetsUpstream()).isTrue();
    assertThat(v.meetsNetwork()).isFalse();
    assertThat(Hex.displayOrder(v.hash())).isEqualTo(JobVector.HASH);
    assertThat(v.upstreamVersionBits()).isNull();
  }

  @Test
  void rejectsTheVectorShareAboveItsDifficulty() {
    rig0.vardiff().set(684, clock.instant().minusSeconds(60));
    ShareVerdict v = validator.validate(rig0, vectorShare());
    assertThat(v.reason()).isEqualTo(RejectReason.LOW_DIFFICULTY);
    assertThat(v.message()).contains("683.5").contains("684");
  }

  @Test
  void acceptsAtThePreviousDifficultyForTheGraceTimeAfterARaise() {
    rig0.vardiff().set(1000, clock.instant());
    clock.advance(Duration.ofSeconds(5));
    ShareVerdict within = validator.validate(rig0, vectorShare());
    assertThat(within.accepted()).isTrue();
    assertThat(within.creditedDifficulty()).isEqualTo(683);

    clock.advance(Duration.ofSeconds(10));
    ShareVerdict after =
        validator.validate(
            rig0, share(JobVector.EXTRANONCE2, JobVector.NTIME, JobVector.NONCE, null));
    assertThat(after.reason()).isEqualTo(RejectReason.LOW_DIFFICULTY);
  }

  @Test
  void rejectsTheSameShareTwiceWhateverTheHexCase() {
    assertThat(validator.validate(rig0, vectorShare()).accepted()).isTrue();
    ShareVerdict again =
        validator.validate(
            rig0, share(JobVector.EXTRANONCE2, JobVector.NTIME.toUpperCase(), "0A029ED1", null));
    assertThat(again.reason()).isEqualTo(RejectReason.DUPLICATE);
  }

  @Test
  void aLowDifficultyShareIsNotRememberedAsSeen() {
    rig0.vardiff().set(684, clock.instant().minusSeconds(60));
    assertThat(validator.validate(rig0, vectorShare()).reason())
        .isEqualTo(RejectReason.LOW_DIFFICULTY);
    rig0.vardiff().set(683, clock.instant().minusSeconds(60));
    assertThat(validator.validate(rig0, vectorShare()).accepted()).isTrue();
  }

  @Test
  void unknownJobsAreNotFound() {
    ShareVerdict v =
        validator.validate(
            rig0,
            new ShareSubmission(
                "s",
                "nope",
                JobVector.EXTRANONCE2,
                JobVector.NTIME,
                JobVector.NONCE,
                null,
                clock.instant()));
    assertThat(v.reason()).isEqualTo(RejectReason.JOB_NOT_FOUND);
    assertThat(RejectReason.JOB_NOT_FOUND.stratumError().code()).isEqualTo(21);
  }

  @Test
  void sharesOfAReplacedJobAreStaleAfterTheGrace() {
    source.issue(
        SourceJob.of(
            JobVector.notify("up-2", true), session, Algorithm.SHA256D, 512, clock.instant()));
    clock.advance(Duration.ofSeconds(4));
    assertThat(validator.validate(rig0, vectorShare()).accepted()).isTrue();
    clock.advance(Duration.ofSeconds(2));
    ShareVerdict late =
        validator.validate(rig1, share("00010000", JobVector.NTIME, JobVector.NONCE, null));
    assertThat(late.reason()).isEqualTo(RejectReason.STALE);
  }

  @Test
  void aNonCleanJobDoesNotMakeEarlierJobsStale() {
    source.issue(
        SourceJob.of(
            JobVector.notify("up-2", false), session, Algorithm.SHA256D, 512, clock.instant()));
    clock.advance(Duration.ofMinutes(1));
    assertThat(validator.validate(rig0, vectorShare()).accepted()).isTrue();
  }

  @Test
  void aShareOutsideTheRigsPrefixIsMalformed() {
    // rig1 has slot 1: prefix 0001; the vector's extranonce2 belongs to slot 0
    ShareVerdict v = validator.validate(rig1, vectorShare());
    assertThat(v.reason()).isEqualTo(RejectReason.MALFORMED);
    assertThat(v.message()).contains("prefix 0001");
  }

  @Test
  void malformedFieldsAreRejectedWithTheirReason() {
    assertThat(
            validator
                .validate(rig0, share("0000000", JobVector.NTIME, JobVector.NONCE, null))
                .message())
        .contains("extranonce2 must be 4 bytes");
    assertThat(
            validator
                .validate(rig0, share("0000zz00", JobVector.NTIME, JobVector.NONCE, null))
                .message())
        .contains("not hex");
    assertThat(
            validator
                .validate(rig0, share(JobVector.EXTRANONCE2, JobVector.NTIME, "0a029ed", null))
                .message())
        .contains("nonce");
    assertThat(
            validator
                .validate(rig0, share(JobVector.EXTRANONCE2, "647025b4", JobVector.NONCE, null))
                .message())
        .contains("ntime");
    assertThat(
            validator
                .validate(
                    rig0,
                    share(JobVector.EXTRANONCE2, JobVector.NTIME, JobVector.NONCE, "00002000"))
                .message())
        .contains("outside the rolling mask");
    assertThat(
            validator
                .validate(
                    rig0,
                    share(JobVector.EXTRANONCE2, JobVector.NTIME, JobVector.NONCE, "00002000"))
                .reason())
        .isEqualTo(RejectReason.MALFORMED);
  }

  @Test
  void aRigWithoutWorkIsUnauthorized() {
    assertThat(validator.validate(null, vectorShare()).reason())
        .isEqualTo(RejectReason.UNAUTHORIZED);
    feed.detach(rig0);
    assertThat(validator.validate(rig0, vectorShare()).reason())
        .isEqualTo(RejectReason.UNAUTHORIZED);
  }

  @Test
  void aNewSessionMakesTheOldSessionsJobsStale() {
    SourceSession next = new SourceSession(2, "pool-b", "02000000", 4, 0);
    source.issue(
        SourceJob.of(
            JobVector.notify("up-1", false), next, Algorithm.SHA256D, 512, clock.instant()));
    clock.advance(Duration.ofSeconds(6));
    assertThat(validator.validate(rig0, vectorShare()).reason()).isEqualTo(RejectReason.STALE);
  }
}
