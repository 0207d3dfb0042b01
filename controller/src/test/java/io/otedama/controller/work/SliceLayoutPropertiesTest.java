package io.otedama.controller.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.otedama.hashing.sha256.Sha256d;
import io.otedama.hashing.stratum.HeaderAssembler;
import io.otedama.hashing.stratum.StratumJob;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * No two rigs' share spaces overlap: for random sessions (extranonce2 sizes, version masks),
 * planned fleet sizes and pairs of slots, a share built anywhere in one slice is never inside the
 * other, and their headers differ.
 */
class SliceLayoutPropertiesTest {

  @Property(tries = 2000)
  void twoSlotsNeverShareAHeader(
      @ForAll @IntRange(min = 1, max = 16) int extranonce2Size,
      @ForAll int versionMask,
      @ForAll @LongRange(min = 1, max = 1 << 24) long plannedRigs,
      @ForAll @IntRange(min = 1, max = 4) int preferredRollBytes,
      @ForAll @IntRange(min = 0, max = 8) int minRollVersionBits,
      @ForAll long seed) {
    SourceSession session = new SourceSession(1, "p", "01020304", extranonce2Size, versionMask);
    SliceLayout layout =
        SliceLayout.plan(session, plannedRigs, preferredRollBytes, minRollVersionBits);
    assertThat(layout.prefixBytes()).isLessThan(extranonce2Size);
    Random random = new Random(seed);
    int slots = (int) Math.min(layout.slots(), Integer.MAX_VALUE);
    int a = random.nextInt(slots);
    int b = slots == 1 ? a : (a + 1 + random.nextInt(slots - 1)) % slots;
    WorkSlice sa = layout.slice(a);
    WorkSlice sb = layout.slice(b);
    int jobVersion = random.nextInt();

    for (int i = 0; i < 8; i++) {
      byte[] en2 = member(sa, random);
      int version = sa.headerVersion(jobVersion, random.nextInt() & sa.rollMask());
      assertThat(sa.contains(en2, version)).isTrue();
      if (a != b) {
        assertThat(sb.contains(en2, version)).as("%s vs %s", sa, sb).isFalse();
      }
    }
    // the version rolling left to the rig stays inside what the session allows
    assertThat(sa.rollMask() & ~versionMask).isZero();
    assertThat(sa.fixedVersionMask() & ~versionMask).isZero();
  }

  /**
   * The fallback for a small extranonce2: with version and ntime windows in play, a header (its
   * extranonce2, final version and ntime) built anywhere in one slot's slice is outside every other
   * slot's, including the slots whose prefix and version window are the same.
   */
  @Property(tries = 3000)
  void withNtimeWindowsTwoSlotsStillNeverShareAHeader(
      @ForAll @IntRange(min = 1, max = 3) int extranonce2Size,
      @ForAll int versionMask,
      @ForAll @LongRange(min = 2, max = 1 << 24) long plannedRigs,
      @ForAll @IntRange(min = 0, max = 8) int minRollVersionBits,
      @ForAll @IntRange(min = 0, max = SliceLayout.MAX_NTIME_WINDOW_BITS) int ntimeBits,
      @ForAll long seed) {
    // sparse masks (few rolling bits) are where ntime windows are needed
    Random random = new Random(seed);
    int mask = random.nextBoolean() ? versionMask & random.nextInt() & random.nextInt() : 0;
    SourceSession session = new SourceSession(1, "p", "01020304", extranonce2Size, mask);
    SliceLayout layout = SliceLayout.plan(session, plannedRigs, 2, minRollVersionBits, ntimeBits);
    assertThat(layout.ntimeWindowBits()).isBetween(0, ntimeBits);
    int slots = (int) Math.min(layout.slots(), Integer.MAX_VALUE);
    int a = random.nextInt(slots);
    // half the time the neighbour that differs only in the ntime window, if there is one
    int sameElsewhere = a ^ (1 << (8 * layout.prefixBytes() + layout.windowBits()));
    int b =
        layout.ntimeWindowBits() > 0 && random.nextBoolean() && sameElsewhere < slots
            ? sameElsewhere
            : slots == 1 ? a : (a + 1 + random.nextInt(slots - 1)) % slots;
    WorkSlice sa = layout.slice(a);
    WorkSlice sb = layout.slice(b);
    int jobVersion = random.nextInt();
    int jobNtime = 0x60000000 + random.nextInt(1 << 28);

    for (int i = 0; i < 8; i++) {
      byte[] en2 = member(sa, random);
      int version = sa.headerVersion(jobVersion, random.nextInt() & sa.rollMask());
      long ntime =
          Integer.toUnsignedLong(sa.baseNtime(jobNtime))
              + (sa.hasNtimeWindow() ? (long) random.nextInt(4) << sa.ntimeWindowBits() : 0);
      assertThat(sa.contains(en2, version, ntime, jobNtime)).isTrue();
      if (a != b) {
        assertThat(sb.contains(en2, version, ntime, jobNtime)).as("%s vs %s", sa, sb).isFalse();
      }
    }
    // a rig's own ntime is never before the job's nor further than the window allows
    assertThat(sa.ntimeOffset()).isBetween(0, (1 << layout.ntimeWindowBits()) - 1);
  }

  @Property(tries = 200)
  void ntimeWindowsMakeRoomForTheFleetWhenExtranonce2AndVersionBitsCannot(
      @ForAll @IntRange(min = 1, max = 2) int extranonce2Size,
      @ForAll @LongRange(min = 1, max = 1 << 18) long plannedRigs) {
    SourceSession session = new SourceSession(1, "p", "", extranonce2Size, 0);
    SliceLayout without = SliceLayout.plan(session, plannedRigs, 2, 4, 0);
    SliceLayout with = SliceLayout.plan(session, plannedRigs, 2, 4, 10);
    assertThat(with.slots()).isLessThanOrEqualTo(without.slots() << 10);
    assertThat(with.slots()).isGreaterThanOrEqualTo(Math.min(plannedRigs, without.slots() << 10));
  }

  @Property(tries = 200)
  void slotsFillThePlannedFleetWhenTheSessionHasRoom(
      @ForAll @IntRange(min = 4, max = 16) int extranonce2Size,
      @ForAll @LongRange(min = 1, max = 1 << 16) long plannedRigs) {
    SourceSession session = new SourceSession(1, "p", "", extranonce2Size, 0);
    SliceLayout layout = SliceLayout.plan(session, plannedRigs, 2, 4);
    assertThat(layout.slots()).isGreaterThanOrEqualTo(plannedRigs);
    assertThat(layout.windowBits()).isZero();
  }

  @Example
  void aSmallExtranonce2FallsBackToVersionWindows() {
    SourceSession session = new SourceSession(1, "p", "", 2, 0x1fffe000);
    SliceLayout layout = SliceLayout.plan(session, 10_000, 2, 4);
    assertThat(layout.prefixBytes()).isEqualTo(1);
    assertThat(layout.windowBits()).isEqualTo(6); // 256 * 2^6 = 16384 >= 10000
    assertThat(layout.slots()).isEqualTo(16_384);
    WorkSlice last = layout.slice(16_383);
    assertThat(last.prefixHex()).isEqualTo("ff");
    assertThat(last.fixedVersionMask()).isEqualTo(0x1f800000);
    assertThat(last.rollMask()).isEqualTo(0x007fe000);
  }

  @Example
  void withoutVersionRollingOrNtimeWindowsASmallExtranonce2LimitsTheFleet() {
    SourceSession session = new SourceSession(1, "p", "", 1, 0);
    SliceLayout layout = SliceLayout.plan(session, 10_000, 2, 4, 0);
    assertThat(layout.slots()).isEqualTo(1);
  }

  @Example
  void withoutVersionRollingAOneByteExtranonce2FallsBackToNtimeWindows() {
    // one byte of extranonce2 stays the rig's own, so no prefix: all 10 bits go into ntime
    SourceSession session = new SourceSession(1, "p", "", 1, 0);
    SliceLayout layout = SliceLayout.plan(session, 1_000, 2, 4, 10);
    assertThat(layout.prefixBytes()).isZero();
    assertThat(layout.ntimeWindowBits()).isEqualTo(10);
    assertThat(layout.slots()).isEqualTo(1_024);
    WorkSlice s = layout.slice(777);
    assertThat(s.ntimeOffset()).isEqualTo(777);
    assertThat(s.baseNtime(0x65000000)).isEqualTo(0x65000000 + 777);
    assertThat(s.ntimeInWindow(0x65000000L + 777, 0x65000000)).isTrue();
    assertThat(s.ntimeInWindow(0x65000000L + 777 + 1024, 0x65000000)).isTrue();
    assertThat(s.ntimeInWindow(0x65000000L + 778, 0x65000000)).isFalse();
    assertThat(s.ntimeInWindow(0x65000000L, 0x65000000)).isFalse();
  }

  @Example
  void ntimeWindowsComeAfterVersionWindows() {
    // 256 prefixes x 2^2 version windows (4 of the 6 mask bits stay the rig's) x 2^6 ntime windows
    SourceSession session = new SourceSession(1, "p", "", 2, 0x0000fc00);
    SliceLayout layout = SliceLayout.plan(session, 65_536, 2, 4, 10);
    assertThat(layout.prefixBytes()).isEqualTo(1);
    assertThat(layout.windowBits()).isEqualTo(2);
    assertThat(layout.ntimeWindowBits()).isEqualTo(6);
    assertThat(layout.slots()).isEqualTo(65_536);
    WorkSlice last = layout.slice(65_535);
    assertThat(last.prefixHex()).isEqualTo("ff");
    assertThat(last.fixedVersionMask()).isEqualTo(0x0000c000);
    assertThat(last.ntimeOffset()).isEqualTo(63);
  }

  @Example
  void distinctSlicesGiveDistinctHashes() {
    SourceSession session = new SourceSession(1, "p", JobVector.EXTRANONCE1, 4, 0x1fffe000);
    SliceLayout layout = SliceLayout.plan(session, 65_536, 2, 4);
    StratumJob job =
        StratumJob.fromNotify(
            "j",
            JobVector.PREVHASH,
            JobVector.COINB1,
            JobVector.COINB2,
            JobVector.MERKLE_BRANCH,
            JobVector.VERSION,
            JobVector.NBITS,
            JobVector.NTIME,
            true);
    HeaderAssembler assembler = new HeaderAssembler();
    Sha256d sha = new Sha256d();
    byte[] first = null;
    for (int slot : new int[] {0, 1}) {
      WorkSlice s = layout.slice(slot);
      byte[] en2 = new byte[4];
      System.arraycopy(s.prefix(), 0, en2, 0, s.prefix().length);
      byte[] header =
          assembler.header(
              job,
              session.extranonce1(),
              en2,
              job.ntime(),
              0,
              s.headerVersion(job.version(), 0),
              -1);
      byte[] hash = sha.hash(header);
      if (first != null) {
        assertThat(hash).isNotEqualTo(first);
      }
      first = hash;
    }
  }

  private static byte[] member(WorkSlice slice, Random random) {
    byte[] en2 = new byte[slice.extranonce2Size()];
    random.nextBytes(en2);
    System.arraycopy(slice.prefix(), 0, en2, 0, slice.prefix().length);
    return en2;
  }
}
