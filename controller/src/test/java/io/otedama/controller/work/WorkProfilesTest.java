package io.otedama.controller.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otedama.controller.support.MigratedDatabase;
import io.otedama.hashing.Algorithm;
import io.otedama.protocol.stratum.StratumCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Profiles in PostgreSQL, group assignment, and rigs moving at once when a group's profile changes.
 */
class WorkProfilesTest {
  private final Clock clock = Clock.systemUTC();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private Jdbi jdbi;
  private WorkProfileStore store;
  private WorkProfiles profiles;
  private WorkAssignments assignments;
  private ScriptedPool pool;

  @BeforeEach
  void setUp() throws Exception {
    jdbi = MigratedDatabase.create();
    store = new WorkProfileStore(jdbi);
    pool = new ScriptedPool();
    jdbi.useHandle(
        h -> h.execute("INSERT INTO rig_groups (id, name) VALUES (1, 'rack-1'), (2, 'rack-2')"));
    store.save(WorkProfile.local("local"));
    store.save(
        WorkProfile.pools(
            "pools",
            Algorithm.SHA256D,
            List.of(PoolEndpoint.parse("p1", pool.url(false), "farm.a", "x", Algorithm.SHA256D))));
    LocalSourceSettings local = LocalSourceSettings.defaults();
    WorkSourceFactory sources =
        p ->
            p.kind() == WorkProfile.Kind.LOCAL
                ? new LocalWorkSource(p.name(), local, clock)
                : new FailoverWorkSource(
                    p.name(),
                    p.pools(),
                    PoolClientSettings.defaults(),
                    FailoverSettings.defaults(),
                    new StratumCodec(),
                    clock,
                    registry);
    profiles =
        new WorkProfiles(
            store, sources, s -> new WorkFeed(s, FeedSettings.DEFAULTS, clock), "local");
    assignments = new WorkAssignments(profiles, clock, registry);
    profiles.bind(assignments);
  }

  @AfterEach
  void tearDown() throws Exception {
    profiles.close();
    pool.close();
  }

  private RigWork rig(String id, Long group, RecordingSubscriber sub) {
    return new RigWork(
        id,
        id,
        null,
        RigWork.Kind.AGENT,
        group,
        Vardiff.variable(VardiffSettings.DEFAULTS, 1, clock.instant()),
        sub);
  }

  @Test
  void storesProfilesWithTheirPoolsInOrder() {
    store.save(
        WorkProfile.pools(
            "two",
            Algorithm.SHA256D,
            List.of(
                PoolEndpoint.parse(
                    "a", "stratum+tcp://a.example:3333", "u", "x", Algorithm.SHA256D),
                PoolEndpoint.parse(
                    "b", "stratum+ssl://b.example:443", "u", "d=8", Algorithm.SHA256D))));
    WorkProfile two = store.find("two").orElseThrow();
    assertThat(two.pools()).extracting(PoolEndpoint::name).containsExactly("a", "b");
    assertThat(two.pools().get(1).tls()).isTrue();
    assertThat(two.pools().get(1).password()).isEqualTo("d=8");
    assertThat(store.all()).extracting(WorkProfile::name).containsExactly("local", "pools", "two");
    assertThat(store.assignGroup(1, "nope")).isFalse();
    assertThatThrownBy(() -> WorkProfile.pools("empty", Algorithm.SHA256D, List.of()))
        .hasMessageContaining("at least one pool");
  }

  @Test
  void rigsWithoutAGroupProfileMineOnTheDefault() throws Exception {
    RecordingSubscriber sub = new RecordingSubscriber();
    assignments.assign(rig("r1", 1L, sub));
    assignments.assign(rig("r0", null, sub));
    assertThat(sub.deliveries).hasSize(2);
    assertThat(sub.deliveries).allMatch(d -> d.job().session().poolName().equals("local"));
  }

  @Test
  void assigningAGroupAProfileMovesItsRigsAtOnce() throws Exception {
    RecordingSubscriber sub = new RecordingSubscriber();
    assignments.assign(rig("g1-a", 1L, sub));
    assignments.assign(rig("g1-b", 1L, sub));
    assignments.assign(rig("g2-a", 2L, sub));

    profiles.assignGroup(1, "pools");
    assertThat(store.groupProfiles()).containsEntry(1L, "pools");
    // the pool profile starts on first use: its rigs get the pool's job once it arrives
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() ->
            sub.deliveries.stream()
                    .filter(d -> d.job().session().poolName().equals("p1"))
                    .map(d -> d.rig().key())
                    .distinct()
                    .count()
                == 2);
    assertThat(assignments.find("g2-a").orElseThrow().feed().name()).isEqualTo("local");

    profiles.unassignGroup(1);
    assertThat(assignments.find("g1-a").orElseThrow().feed().name()).isEqualTo("local");
    assertThat(profiles.profileOf(1L)).isEqualTo("local");
  }

  @Test
  void aProfileLoadedAfterARestartKeepsItsGroups() {
    store.assignGroup(2, "pools");
    WorkProfiles reloaded =
        new WorkProfiles(
            store,
            p -> {
              throw new AssertionError("not started");
            },
            s -> null,
            "local");
    assertThat(reloaded.profileOf(2L)).isEqualTo("pools");
    assertThat(reloaded.profileOf(1L)).isEqualTo("local");
  }
}
