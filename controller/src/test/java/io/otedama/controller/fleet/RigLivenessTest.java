package io.otedama.controller.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-rig state machine on its own. */
class RigLivenessTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Duration STALE = Duration.ofSeconds(30);
  static final Duration OFFLINE = Duration.ofSeconds(90);
  final List<StatusChange> changes = new ArrayList<>();

  @Test
  void followsOnlineStaleOffline() {
    RigLiveness rig = new RigLiveness("rig-a", RigStatus.OFFLINE, null);
    rig.sweep(T0, STALE, OFFLINE, changes::add); // never seen: nothing to sweep
    assertThat(changes).isEmpty();
    rig.heartbeat(T0, changes::add);
    rig.heartbeat(T0.plusSeconds(10), changes::add);
    rig.sweep(T0.plusSeconds(40), STALE, OFFLINE, changes::add);
    assertThat(rig.status()).isEqualTo(RigStatus.ONLINE); // 30 s since the last heartbeat
    rig.sweep(T0.plusSeconds(41), STALE, OFFLINE, changes::add);
    assertThat(rig.status()).isEqualTo(RigStatus.STALE);
    rig.sweep(T0.plusSeconds(101), STALE, OFFLINE, changes::add);
    assertThat(rig.status()).isEqualTo(RigStatus.OFFLINE);
    rig.sweep(T0.plusSeconds(500), STALE, OFFLINE, changes::add);
    assertThat(changes)
        .extracting(c -> c.from() + "->" + c.to())
        .containsExactly("offline->online", "online->stale", "stale->offline");
    assertThat(changes.get(1).at()).isEqualTo(T0.plusSeconds(41));
  }

  @Test
  void unflushedLastSeenStaysUntilItIsWritten() {
    RigLiveness rig = new RigLiveness("rig-b", RigStatus.OFFLINE, T0);
    assertThat(rig.unflushedLastSeen()).isNull();
    rig.heartbeat(T0.plusSeconds(5), changes::add);
    rig.heartbeat(T0.plusSeconds(3), changes::add);
    assertThat(rig.unflushedLastSeen()).isEqualTo(T0.plusSeconds(5));
    assertThat(rig.unflushedLastSeen()).isEqualTo(T0.plusSeconds(5)); // a failed flush retries
    rig.heartbeat(T0.plusSeconds(7), changes::add);
    rig.flushed(T0.plusSeconds(5)); // the flush that read 5 s finished after a newer heartbeat
    assertThat(rig.unflushedLastSeen()).isEqualTo(T0.plusSeconds(7));
    rig.flushed(T0.plusSeconds(7));
    assertThat(rig.unflushedLastSeen()).isNull();
  }

  @Test
  void offlineStatusWinsOverAnUnexpiredHeartbeat() {
    RigLiveness rig = new RigLiveness("rig-c", RigStatus.ONLINE, T0);
    rig.offline(T0.plusSeconds(1), "last will", changes::add);
    rig.offline(T0.plusSeconds(2), "last will", changes::add);
    assertThat(changes).hasSize(1);
    assertThat(changes.get(0).detail()).isEqualTo("last will");
  }
}
