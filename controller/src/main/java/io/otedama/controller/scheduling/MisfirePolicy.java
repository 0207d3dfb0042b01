package io.otedama.controller.scheduling;

/**
 * What a trigger does when its fire time passed while no replica could run it (all down, or the
 * thread pool busy longer than the misfire threshold). Chosen per job; see docs/operations.md.
 */
public enum MisfirePolicy {
  /**
   * Fire once as soon as possible, then keep the schedule: for jobs that catch up on everything
   * missed in one run anyway (payout, accounting, rollups), so one late run is enough.
   */
  FIRE_ONCE_NOW,
  /**
   * Skip the missed fire times and wait for the next one: for housekeeping where a late run gains
   * nothing over the next regular one (ANALYZE, cleanup, retention).
   */
  SKIP_TO_NEXT;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
