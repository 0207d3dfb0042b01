package io.otedama.controller.work;

/**
 * How a session's share space is cut into rig slices. A rig's slot number {@code s} is written
 * big-endian into the first {@link #prefixBytes()} bytes of extranonce2; when a session's
 * extranonce2 is too small for the planned number of rigs, the slot's remaining high bits go into
 * {@link #windowBits()} bits of the version-rolling mask, taken from its top (a per-rig version
 * window). Since the slot is the concatenation of prefix and window value, distinct slots never
 * overlap.
 *
 * <p>Sizing: the prefix is as long as the planned capacity needs, while leaving the rig at least
 * {@code preferredRollBytes} of extranonce2 to roll; if that is not enough it shrinks the rig's
 * part down to one byte, then takes version bits, leaving the rig at least {@code
 * minRollVersionBits} of them. If the session still has fewer slots than planned, {@link #slots()}
 * says how many there are: more rigs need another upstream session (a second pool account in the
 * profile).
 */
public final class SliceLayout {
  /** The most rigs one feed can plan for (2^24). */
  public static final long MAX_PLANNED_RIGS = 1L << 24;

  private final int extranonce2Size;
  private final int prefixBytes;
  private final int sessionMask;
  private final int windowMask;
  private final int[] windowBitPositions;
  private final long slots;

  private SliceLayout(int extranonce2Size, int prefixBytes, int sessionMask, int[] windowBits) {
    this.extranonce2Size = extranonce2Size;
    this.prefixBytes = prefixBytes;
    this.sessionMask = sessionMask;
    this.windowBitPositions = windowBits;
    int mask = 0;
    for (int bit : windowBits) {
      mask |= 1 << bit;
    }
    this.windowMask = mask;
    this.slots = 1L << (8 * prefixBytes + windowBits.length);
  }

  /**
   * The layout for a session.
   *
   * @param plannedRigs how many rigs the layout should have room for (fixed per feed, so a rig's
   *     slice does not change as rigs come and go)
   * @param preferredRollBytes extranonce2 bytes each rig should keep to roll, at least 1
   * @param minRollVersionBits version bits each rig keeps when windows are cut from the mask
   */
  public static SliceLayout plan(
      SourceSession session, long plannedRigs, int preferredRollBytes, int minRollVersionBits) {
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
    return new SliceLayout(size, prefix, mask, window);
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
    return new WorkSlice(
        slot, prefix, extranonce2Size, windowMask, windowValue, sessionMask & ~windowMask);
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
        + " version window bits";
  }
}
