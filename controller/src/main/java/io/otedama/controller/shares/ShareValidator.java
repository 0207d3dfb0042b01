package io.otedama.controller.shares;

import io.otedama.controller.work.IssuedJob;
import io.otedama.controller.work.RigWork;
import io.otedama.controller.work.SeenShares;
import io.otedama.controller.work.SourceJob;
import io.otedama.controller.work.WorkFeed;
import io.otedama.controller.work.WorkSlice;
import io.otedama.hashing.Algorithm;
import io.otedama.hashing.Difficulty;
import io.otedama.hashing.Hex;
import io.otedama.hashing.scrypt.Scrypt;
import io.otedama.hashing.sha256.Sha256d;
import io.otedama.hashing.stratum.HeaderAssembler;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides whether a share is good by rebuilding its block header from the rig's job and slice and
 * hashing it again: nothing the rig claims (its difficulty, its hash) is trusted. Checks in order:
 * the rig has work ({@code unauthorized}), the job is known ({@code job_not_found}) and current
 * within the grace time ({@code stale}), the fields are well-formed and inside the rig's slice
 * ({@code malformed}), the hash meets the rig's difficulty ({@code low_difficulty}, allowing the
 * previous difficulty for a grace time after a change), and the header was not accepted before
 * ({@code duplicate}).
 *
 * <p>Thread-safe; the hashing state is per thread. A share allocates only its verdict (and a copy
 * of the hash when it goes upstream).
 */
public final class ShareValidator {
  /** Pools accept an ntime up to two hours past the job's (Bitcoin's future block time limit). */
  static final int MAX_NTIME_AHEAD = 7200;

  private static final double DIFFICULTY_EPSILON = 1e-12;

  private final Duration staleGrace;
  private final Duration difficultyGrace;
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

  /**
   * @param staleGrace how long after a clean job shares of the replaced jobs are still accepted
   *     (e.g. 5 s)
   * @param difficultyGrace how long after a difficulty change shares at the previous difficulty are
   *     still accepted
   */
  public ShareValidator(Duration staleGrace, Duration difficultyGrace) {
    this.staleGrace = Objects.requireNonNull(staleGrace, "staleGrace");
    this.difficultyGrace = Objects.requireNonNull(difficultyGrace, "difficultyGrace");
  }

  public Duration staleGrace() {
    return staleGrace;
  }

  /** Validates one share of {@code rig} (null when the submitter has no work registration). */
  public ShareVerdict validate(RigWork rig, ShareSubmission share) {
    WorkFeed feed = rig == null ? null : rig.feed();
    if (feed == null) {
      return ShareVerdict.rejected(
          RejectReason.UNAUTHORIZED, "the rig has no work assigned", null, 0);
    }
    String jobId = share.jobId();
    IssuedJob job = jobId == null ? null : feed.find(jobId).orElse(null);
    if (job == null) {
      return ShareVerdict.rejected(
          RejectReason.JOB_NOT_FOUND, "job " + abbreviate(jobId) + " is not known", null, 0);
    }
    Instant now = share.receivedAt();
    if (job.isStale(now, staleGrace)) {
      return ShareVerdict.rejected(
          RejectReason.STALE, "job " + job.id() + " was replaced by newer work", job, 0);
    }
    WorkSlice slice = rig.sliceFor(job);
    if (slice == null) {
      return ShareVerdict.rejected(
          RejectReason.UNAUTHORIZED, "the rig has no slice in this job's session", job, 0);
    }
    SourceJob source = job.source();

    long ntime = parseHex32(share.ntime());
    if (ntime < 0) {
      return malformed("ntime must be 8 hex digits", job);
    }
    long nonce = parseHex32(share.nonce());
    if (nonce < 0) {
      return malformed("nonce must be 8 hex digits", job);
    }
    int versionBits = 0;
    String bitsText = share.versionBits();
    if (bitsText != null && !bitsText.isEmpty()) {
      long parsed = parseHexUpTo8(bitsText);
      if (parsed < 0) {
        return malformed("version bits must be up to 8 hex digits", job);
      }
      versionBits = (int) parsed;
      if ((versionBits & ~slice.rollMask()) != 0) {
        return malformed(
            "version bits "
                + Hex.encodeInt32(versionBits)
                + " are outside the rolling mask "
                + Hex.encodeInt32(slice.rollMask()),
            job);
      }
    }
    long jobTime = Integer.toUnsignedLong(source.job().ntime());
    if (ntime < jobTime || ntime > jobTime + MAX_NTIME_AHEAD) {
      return malformed("ntime is outside the job's time range", job);
    }
    if (!slice.ntimeInWindow(ntime, source.job().ntime())) {
      return malformed(
          "ntime is outside the rig's ntime window (the job's ntime + "
              + slice.ntimeOffset()
              + " mod 2^"
              + slice.ntimeWindowBits()
              + ")",
          job);
    }

    Scratch s = scratch.get();
    int size = slice.extranonce2Size();
    String en2 = share.extranonce2();
    if (en2 == null || en2.length() != 2 * size) {
      return malformed("extranonce2 must be " + size + " bytes", job);
    }
    byte[] extranonce2 = s.extranonce2(size);
    if (!decodeHex(en2, extranonce2)) {
      return malformed("extranonce2 is not hex", job);
    }
    if (!slice.hasPrefix(extranonce2)) {
      return malformed("extranonce2 is outside the rig's prefix " + slice.prefixHex(), job);
    }

    int headerVersion = slice.headerVersion(source.job().version(), versionBits);
    s.assembler.assemble(
        source.job(),
        job.session().extranonce1(),
        extranonce2,
        (int) ntime,
        (int) nonce,
        headerVersion,
        -1,
        s.header);
    if (source.algorithm() == Algorithm.SCRYPT) {
      s.scrypt().hashHeader(s.header, s.hash, 0);
    } else {
      s.sha256d.hash(s.header, 0, HeaderAssembler.HEADER_LENGTH, s.hash, 0);
    }
    double difficulty = Difficulty.ofHash(source.algorithm(), s.hash, 0);

    double current = rig.vardiff().difficulty();
    double credited;
    if (difficulty >= current * (1 - DIFFICULTY_EPSILON)) {
      credited = current;
    } else {
      double acceptable = rig.vardiff().acceptableDifficulty(now, difficultyGrace);
      if (difficulty < acceptable * (1 - DIFFICULTY_EPSILON)) {
        return ShareVerdict.rejected(
            RejectReason.LOW_DIFFICULTY,
            "share difficulty "
                + Difficulty.format(difficulty)
                + " is below the target "
                + Difficulty.format(current),
            job,
            difficulty);
      }
      credited = acceptable;
    }

    SeenShares.Result seen = job.seen().add(longLE(s.hash));
    if (seen == SeenShares.Result.DUPLICATE) {
      return ShareVerdict.rejected(RejectReason.DUPLICATE, "duplicate share", job, difficulty);
    }
    if (seen == SeenShares.Result.FULL) {
      return ShareVerdict.rejected(
          RejectReason.STALE,
          "job " + job.id() + " is worn out: take the new work",
          job,
          difficulty);
    }

    boolean upstream = source.upstreamTarget().isMetBy(s.hash, 0);
    boolean network = source.networkTarget().isMetBy(s.hash, 0);
    int sessionMask = job.session().versionMask();
    return new ShareVerdict(
        null,
        null,
        job,
        difficulty,
        credited,
        upstream,
        network,
        upstream ? s.hash.clone() : null,
        upstream && sessionMask != 0 ? Hex.encodeInt32(headerVersion & sessionMask) : null);
  }

  private static ShareVerdict malformed(String message, IssuedJob job) {
    return ShareVerdict.rejected(RejectReason.MALFORMED, message, job, 0);
  }

  /** Exactly 8 hex digits as an unsigned value, or -1. */
  static long parseHex32(String text) {
    if (text == null || text.length() != 8) {
      return -1;
    }
    return parseHexUpTo8(text);
  }

  /** 1 to 8 hex digits as an unsigned value, or -1. */
  static long parseHexUpTo8(String text) {
    int n = text.length();
    if (n == 0 || n > 8) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < n; i++) {
      int d = Character.digit(text.charAt(i), 16);
      if (d < 0) {
        return -1;
      }
      value = (value << 4) | d;
    }
    return value;
  }

  private static boolean decodeHex(String text, byte[] out) {
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(text.charAt(2 * i), 16);
      int lo = Character.digit(text.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        return false;
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return true;
  }

  private static long longLE(byte[] b) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (b[i] & 0xff);
    }
    return v;
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "(none)";
    }
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  /** Per-thread buffers; the assembler remembers the last merkle root it built. */
  private static final class Scratch {
    final HeaderAssembler assembler = new HeaderAssembler();
    final Sha256d sha256d = new Sha256d();
    final byte[] header = new byte[HeaderAssembler.HEADER_LENGTH];
    final byte[] hash = new byte[32];
    final byte[][] extranonce2 = new byte[17][];
    Scrypt scrypt;

    byte[] extranonce2(int size) {
      byte[] b = extranonce2[size];
      if (b == null) {
        b = extranonce2[size] = new byte[size];
      }
      return b;
    }

    Scrypt scrypt() {
      if (scrypt == null) {
        scrypt = Scrypt.litecoin();
      }
      return scrypt;
    }
  }
}
