package io.otedama.controller.work;

import io.otedama.hashing.Hex;
import io.otedama.hashing.stratum.HeaderAssembler;

/**
 * One rig's part of a session's share space: the extranonce2 values that start with {@link
 * #prefix()}, and, where the session has more rigs than prefixes (a small extranonce2), only the
 * block versions whose {@link #fixedVersionMask()} bits equal {@link #fixedVersionBits()} and,
 * beyond that, only the ntimes whose offset from the job's ntime has {@link #ntimeOffset()} in its
 * low {@link #ntimeWindowBits()} bits. Two slices of one layout never share an (extranonce2,
 * version, ntime) triple, so no two rigs can produce the same header.
 *
 * @param slot the rig's slot in its feed
 * @param prefix the leading extranonce2 bytes, fixed for this rig (possibly empty)
 * @param extranonce2Size the session's extranonce2 length in bytes
 * @param fixedVersionMask version bits fixed per rig (0 unless version windows are in use)
 * @param fixedVersionBits the values of those bits for this rig
 * @param rollMask the version bits this rig may roll: the session mask less the fixed bits
 * @param ntimeWindowBits low bits of the ntime offset fixed per rig (0 unless ntime windows are in
 *     use)
 * @param ntimeOffset this rig's value of those bits: its ntime is the job's plus this (plus any
 *     multiple of {@code 2^ntimeWindowBits})
 */
public record WorkSlice(
    int slot,
    byte[] prefix,
    int extranonce2Size,
    int fixedVersionMask,
    int fixedVersionBits,
    int rollMask,
    int ntimeWindowBits,
    int ntimeOffset) {

  /** A slice without an ntime window. */
  public WorkSlice(
      int slot,
      byte[] prefix,
      int extranonce2Size,
      int fixedVersionMask,
      int fixedVersionBits,
      int rollMask) {
    this(slot, prefix, extranonce2Size, fixedVersionMask, fixedVersionBits, rollMask, 0, 0);
  }

  /** Whether this rig's ntime is pinned to a window of its own. */
  public boolean hasNtimeWindow() {
    return ntimeWindowBits > 0;
  }

  /** The ntime this rig starts from for a job: the job's plus the rig's offset. */
  public int baseNtime(int jobNtime) {
    return jobNtime + ntimeOffset;
  }

  /**
   * Whether {@code ntime} (unsigned) lies in this slice's ntime window for a job whose ntime is
   * {@code jobNtime}: always true without a window.
   */
  public boolean ntimeInWindow(long ntime, int jobNtime) {
    if (ntimeWindowBits == 0) {
      return true;
    }
    long offset = ntime - Integer.toUnsignedLong(jobNtime);
    return offset >= 0 && (offset & ((1L << ntimeWindowBits) - 1)) == ntimeOffset;
  }

  /** The prefix in hex, as the work assignment carries it. */
  public String prefixHex() {
    return Hex.encode(prefix);
  }

  /** Bytes the rig rolls itself. */
  public int rollBytes() {
    return extranonce2Size - prefix.length;
  }

  /** The job version this rig starts from: the job's with this slice's fixed bits. */
  public int baseVersion(int jobVersion) {
    return (jobVersion & ~fixedVersionMask) | fixedVersionBits;
  }

  /** The header version for a submission's version bits. */
  public int headerVersion(int jobVersion, int versionBits) {
    return HeaderAssembler.rollVersion(baseVersion(jobVersion), versionBits, rollMask);
  }

  /** Whether a header with this extranonce2 and this (final) block version lies in this slice. */
  public boolean contains(byte[] extranonce2, int headerVersion) {
    return extranonce2.length == extranonce2Size
        && hasPrefix(extranonce2)
        && (headerVersion & fixedVersionMask) == fixedVersionBits;
  }

  /**
   * Whether a header with this extranonce2, (final) block version and ntime, for a job with ntime
   * {@code jobNtime}, lies in this slice.
   */
  public boolean contains(byte[] extranonce2, int headerVersion, long ntime, int jobNtime) {
    return contains(extranonce2, headerVersion) && ntimeInWindow(ntime, jobNtime);
  }

  /** Whether the extranonce2 starts with this slice's prefix. */
  public boolean hasPrefix(byte[] extranonce2) {
    if (extranonce2.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (extranonce2[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WorkSlice s
        && s.slot == slot
        && java.util.Arrays.equals(s.prefix, prefix)
        && s.extranonce2Size == extranonce2Size
        && s.fixedVersionMask == fixedVersionMask
        && s.fixedVersionBits == fixedVersionBits
        && s.rollMask == rollMask
        && s.ntimeWindowBits == ntimeWindowBits
        && s.ntimeOffset == ntimeOffset;
  }

  @Override
  public int hashCode() {
    return 31 * slot + java.util.Arrays.hashCode(prefix);
  }

  @Override
  public String toString() {
    return "slice "
        + slot
        + " [prefix "
        + prefixHex()
        + " of "
        + extranonce2Size
        + " bytes, fixed version bits "
        + Hex.encodeInt32(fixedVersionBits)
        + "/"
        + Hex.encodeInt32(fixedVersionMask)
        + ", roll mask "
        + Hex.encodeInt32(rollMask)
        + (ntimeWindowBits == 0
            ? ""
            : ", ntime offset " + ntimeOffset + " mod 2^" + ntimeWindowBits)
        + "]";
  }
}
