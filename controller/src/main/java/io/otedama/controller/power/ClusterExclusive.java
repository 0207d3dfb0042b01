package io.otedama.controller.power;

import org.jdbi.v3.core.Jdbi;

/**
 * Runs a pass on one controller replica at a time: a PostgreSQL advisory lock (session level, on
 * the handle held for the pass) that other replicas try and skip, so two replicas never both
 * power-cycle the same rig or both curtail for the same event.
 */
public final class ClusterExclusive {
  /** Lock keys: arbitrary, fixed, distinct per pass. */
  public static final long WATCHDOG = 0x6f74_6564_0001L;

  public static final long CURTAILMENT = 0x6f74_6564_0002L;

  private final Jdbi jdbi;

  public ClusterExclusive(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Runs {@code pass} if no other replica is running it; false when it was skipped. */
  public boolean run(long key, Runnable pass) {
    return jdbi.withHandle(h -> {
      boolean locked =
          h.createQuery("SELECT pg_try_advisory_lock(:k)")
              .bind("k", key)
              .mapTo(Boolean.class)
              .one();
      if (!locked) {
        return false;
      }
      try {
        pass.run();
        return true;
      } finally {
        h.createQuery("SELECT pg_advisory_unlock(:k)").bind("k", key).mapTo(Boolean.class).one();
      }
    });
  }
}
