package io.otedama.controller.work;

/**
 * How a session's share space is cut into rig slices. A rig's slot number {@code s} is written
 * big-endian into the first {@link #prefixBytes()} bytes of extranonce2; when a session's
 * extranonce2 is too small for the planned number of rigs, the slot's next bits go into {@link
 * #windowBits()} bits of the version-rolling mask, taken from its top (a per-rig version window),
 * and what is still left into the low {@link #ntimeWindowBits()} bits of the ntime offset from the
 * job's ntime (a per-rig ntime window: the rig's ntime is the job's plus its window value, plus any
 * multiple of {@code 2^ntimeWindowBits}). Since the slot is the concatenation of prefix, version
 * window and ntime window, distinct slots never overlap.
 *
 * <p>Sizing: the prefix is as long as the planned capacity needs, while leaving the rig at least
 * {@code preferredRollBytes} of extranonce2 to roll; if that is not enough it shrinks the rig's
 * part down to one byte, then takes version bits, leaving the rig at least {@code
 * minRollVersionBits} of them, then at most {@code maxNtimeWindowBits} ntime bits (a window of 2^10
 * puts a rig's ntime at most 1,023 s after the job's, well inside what pools accept). If the
 * session still has fewer slots than planned, {@link #slots()} says how many there are: more rigs
 * need another upstream session (a second pool account in the profile).
 */
public final class SliceLayout {
  /** The most rigs one feed can plan for (2^24). */
  public static final long MAX_PLANNED_RIGS = 1L << 24;

  /**
   * The widest ntime window: 2^12 puts an ntime at most 4,095 s after the job's, inside the two
   * hours Bitcoin (and the share validator) allow.
   */
  public static final int MAX_NTIME_WINDOW_BITS = 12;

  private final int extranonce2Size;
  private final int prefixBytes;
  private final int sessionMask;
  private final int windowMask;
  private final int[] windowBitPositions;
  private final int ntimeWindowBits;
  private final long slots;

  private SliceLayout(
      int extranonce2Size, int prefixBytes, int sessionMask, int[] windowBits, int ntimeBits) {
    this.extranonce2Size = extranonce2Size;
    this.prefixBytes = prefixBytes;
    this.sessionMask = sessionMask;
    this.windowBitPositions = windowBits;
    this.ntimeWindowBits = ntimeBits;
    int mask = 0;
    for (int bit : windowBits) {
      mask |= 1 << bit;
    }
    this.windowMask = mask;
    this.slots = 1L << (8 * prefixBytes + windowBits.length + ntimeBits);
  }

  /** {@link #plan(SourceSession, long, int, int, int)} without ntime windows. */
  public static SliceLayout plan(
      SourceSession session, long plannedRigs, int preferredRollBytes, int minRollVersionBits) {
    return plan(session, plannedRigs, preferredRollBytes, minRollVersionBits, 0);
  }

  /**
   * The layout for a session.
   *
   * @param plannedRigs how many rigs the layout should have room for (fixed per feed, so a rig's
   *     slice does not change as rigs come and go)
   * @param preferredRollBytes extranonce2 bytes each rig should keep to roll, at least 1
   * @param minRollVersionBits version bits each rig keeps when windows are cut from the mask
   * @param maxNtimeWindowBits the most slot bits that may go into ntime windows, 0 to {@link
   *     #MAX_NTIME_WINDOW_BITS} (0: never)
   */
  public static SliceLayout plan(
      SourceSession session,
      long plannedRigs,
      int preferredRollBytes,
      int minRollVersionBits,
      int maxNtimeWindowBits) {
    if (maxNtimeWindowBits < 0 || maxNtimeWindowBits > MAX_NTIME_WINDOW_BITS) {
      throw new IllegalArgumentException(
          "maxNtimeWindowBits must be 0.." + MAX_NTIME_WINDOW_BITS + ", got " + maxNtimeWindowBits);
    }
    if (plannedRigs < 1 || plannedRigs > MAX_PLANNED_RIGS) {
      throw new IllegalArgumentException(
          "plannedRigs must be 1.." + MAX_PLANNED_RIGS + ", got " + plannedRigs);
    }
    if (preferredRollBytes < 1) {
      throw new IllegalArgumentException(
          "preferredRollBytes must be at least 1, got " + preferredRollBytes);
    }
    int size = session.extranonce2Size();
    int neededBits = 64 - Long.numberOfLeadingZeros(plannedRigs - 1); // ceil(log2(plannedRigs))
    int neededBytes = (neededBits + 7) / 8;
    int prefix = Math.min(neededBytes, Math.max(0, size - preferredRollBytes));
    if (prefix < neededBytes) {
      prefix = Math.min(neededBytes, size - 1); // a rig needs at least one byte of its own
    }
    int missingBits = Math.max(0, neededBits - 8 * prefix);
    int mask = session.versionMask();
    int available = Math.max(0, Integer.bitCount(mask) - minRollVersionBits);
    int windowCount = Math.min(missingBits, available);
    int[] window = new int[windowCount];
    int taken = 0;
    for (int bit = 31; bit >= 0 && taken < windowCount; bit--) {
      if ((mask & (1 << bit)) != 0) {
        window[taken++] = bit;
      }
    }
    int ntimeBits = Math.min(missingBits - windowCount, maxNtimeWindowBits);
    return new SliceLayout(size, prefix, mask, window, ntimeBits);
  }

  /** How many distinct slices this layout has. */
  public long slots() {
    return slots;
  }

  public int prefixBytes() {
    return prefixBytes;
  }

  public int windowBits() {
    return windowBitPositions.length;
  }

  public int extranonce2Size() {
    return extranonce2Size;
  }

  /** Slot bits carried by the ntime offset (0: rigs roll ntime freely). */
  public int ntimeWindowBits() {
    return ntimeWindowBits;
  }

  /**
   * The slice of slot {@code slot}.
   *
   * @throws IllegalArgumentException when the slot is outside {@code [0, slots())}
   */
  public WorkSlice slice(int slot) {
    if (slot < 0 || slot >= slots) {
      throw new IllegalArgumentException(
          "slot " + slot + " is outside this layout's " + slots + " slots");
    }
    byte[] prefix = new byte[prefixBytes];
    long value = slot;
    for (int i = prefixBytes - 1; i >= 0; i--) {
      prefix[i] = (byte) value;
      value >>>= 8;
    }
    int windowValue = 0;
    for (int i = 0; i < windowBitPositions.length; i++) {
      if ((value & (1L << i)) != 0) {
        windowValue |= 1 << windowBitPositions[i];
      }
    }
    value >>>= windowBitPositions.length;
    return new WorkSlice(
        slot,
        prefix,
        extranonce2Size,
        windowMask,
        windowValue,
        sessionMask & ~windowMask,
        ntimeWindowBits,
        (int) value);
  }

  @Override
  public String toString() {
    return "layout of "
        + slots
        + " slots: "
        + prefixBytes
        + " prefix bytes of "
        + extranonce2Size
        + ", "
        + windowBitPositions.length
        + " version window bits, "
        + ntimeWindowBits
        + " ntime window bits";
  }
}
