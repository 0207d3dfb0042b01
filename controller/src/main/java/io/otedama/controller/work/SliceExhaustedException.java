package io.otedama.controller.work;

/**
 * A feed has no free slot for another rig: its session's share space is cut into fewer slices than
 * there are rigs. Another upstream session (another pool account in the profile) or a larger
 * extranonce2 is needed.
 */
public final class SliceExhaustedException extends Exception {
  public SliceExhaustedException(String message) {
    super(message, null, false, false);
  }
}
