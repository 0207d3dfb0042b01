package io.otedama.controller.power;

import static org.assertj.core.api.Assertions.assertThat;

import io.otedama.controller.support.SharedPostgres;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The watchdog and curtailment passes run on one replica at a time (two Jdbi pools = two). */
class ClusterExclusiveTest {

  @Test
  void aSecondReplicaSkipsThePassWhileTheFirstRunsItAndRunsItAfterwards() {
    String url = SharedPostgres.newDatabaseUrl();
    ClusterExclusive first = new ClusterExclusive(Jdbi.create(url, "postgres", ""));
    ClusterExclusive second = new ClusterExclusive(Jdbi.create(url, "postgres", ""));
    AtomicBoolean secondRan = new AtomicBoolean(true);

    boolean firstRan =
        first.run(
            ClusterExclusive.WATCHDOG,
            () -> secondRan.set(second.run(ClusterExclusive.WATCHDOG, () -> {})));

    assertThat(firstRan).isTrue();
    assertThat(secondRan).isFalse();
    // another pass is not held up, and the lock is released once the pass is over
    assertThat(second.run(ClusterExclusive.CURTAILMENT, () -> {})).isTrue();
    assertThat(second.run(ClusterExclusive.WATCHDOG, () -> {})).isTrue();
  }
}
