package io.otedama.controller.work;

import io.otedama.hashing.Hex;

/**
 * The extranonce parameters of one upstream session (a pool connection after subscribe, or the
 * local source): every job of the session has the same extranonce1, extranonce2 size and
 * version-rolling mask. A reconnect, a failover or {@code mining.set_extranonce} starts a new
 * session, and the jobs of the old one can no longer produce valid shares.
 */
public final class SourceSession {
  private final long id;
  private final String poolName;
  private final String extranonce1Hex;
  private final byte[] extranonce1;
  private final int extranonce2Size;
  private final int versionMask;

  /**
   * @param id unique among the sessions of one source, increasing
   * @param poolName the pool (or local source) the session is with
   * @param extranonce1Hex the session's extranonce1 (possibly empty)
   * @param extranonce2Size bytes of extranonce2 the miners roll, 1..16
   * @param versionMask the version bits miners may roll (BIP310), 0 for none
   */
  public SourceSession(
      long id, String poolName, String extranonce1Hex, int extranonce2Size, int versionMask) {
    if (extranonce2Size < 1 || extranonce2Size > 16) {
      throw new IllegalArgumentException(
          "extranonce2 size must be 1..16 bytes, got " + extranonce2Size);
    }
    this.id = id;
    this.poolName = poolName;
    this.extranonce1 = Hex.decode("extranonce1", extranonce1Hex);
    this.extranonce1Hex = Hex.encode(extranonce1);
    this.extranonce2Size = extranonce2Size;
    this.versionMask = versionMask;
  }

  public long id() {
    return id;
  }

  public String poolName() {
    return poolName;
  }

  public String extranonce1Hex() {
    return extranonce1Hex;
  }

  /** The extranonce1 bytes; shared, callers must not modify them. */
  public byte[] extranonce1() {
    return extranonce1;
  }

  public int extranonce2Size() {
    return extranonce2Size;
  }

  public int versionMask() {
    return versionMask;
  }

  /** This session with another version mask (after {@code mining.set_version_mask}). */
  public SourceSession withVersionMask(long newId, int mask) {
    return new SourceSession(newId, poolName, extranonce1Hex, extranonce2Size, mask);
  }

  @Override
  public String toString() {
    return "session "
        + id
        + " with "
        + poolName
        + " [extranonce1 "
        + extranonce1Hex
        + ", extranonce2 "
        + extranonce2Size
        + " bytes, version mask "
        + Hex.encodeInt32(versionMask)
        + "]";
  }
}
