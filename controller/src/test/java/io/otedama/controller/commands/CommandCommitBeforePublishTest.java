package io.otedama.controller.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otedama.controller.support.MigratedDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A command's row is committed before its message leaves, even when the caller issues it inside a
 * transaction of its own (the rollout tick does): an agent answers within milliseconds, and its
 * answer must find the row. Jdbi hands nested handle calls the thread's open handle, so without
 * care the insert would join the caller's transaction and stay invisible until it commits.
 */
class CommandCommitBeforePublishTest {
  static Jdbi jdbi;

  @BeforeAll
  static void database() {
    jdbi = MigratedDatabase.create();
    jdbi.useHandle(h ->
        h.execute("INSERT INTO rigs (id, name, hardware_id) VALUES ('rig-a', 'rig-a', 'hw-a')"));
  }

  /** What another connection (the result path) sees of the command when it is published. */
  static final class VisibilityAtPublish implements CommandPublisher {
    final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public void publish(
        String rigId,
        String commandId,
        String type,
        Map<String, Object> args,
        Instant issuedAt,
        Instant expiresAt) {
      try (Handle other = jdbi.open()) {
        seen.add(
            other
                .createQuery("SELECT status FROM commands WHERE id = :id")
                .bind("id", commandId)
                .mapTo(String.class)
                .findOne()
                .orElse("invisible"));
      }
    }
  }

  @Test
  void aCommandIssuedInsideAnotherTransactionIsVisibleWhenPublished() {
    VisibilityAtPublish publisher = new VisibilityAtPublish();
    CommandStore store = new CommandStore(jdbi);
    CommandService service =
        new CommandService(
            store,
            publisher,
            new CommandMetrics(new SimpleMeterRegistry()),
            new ObjectMapper(),
            Clock.systemUTC(),
            Duration.ofMinutes(5),
            Duration.ofSeconds(30));

    String[] id = new String[1];
    jdbi.useTransaction(h -> {
      h.execute("SELECT 1"); // the caller's own transaction is open on this thread
      id[0] = service.issue("rig-a", "blink-led", null, null, "test").id();
      // the agent's answer, on another connection, before the caller commits
      try (Handle other = jdbi.open()) {
        assertThat(
                other
                    .createUpdate(
                        "UPDATE commands SET status = 'acked' WHERE id = :id AND status = 'sent'")
                    .bind("id", id[0])
                    .execute())
            .as("the result path finds the command while the caller's transaction is open")
            .isOne();
      }
    });

    assertThat(publisher.seen).containsExactly("queued");
    assertThat(store.find(id[0]).orElseThrow().status()).isEqualTo("acked");
  }

  @Test
  void aBatchIssuedInsideAnotherTransactionIsVisibleWhenPublished() {
    VisibilityAtPublish publisher = new VisibilityAtPublish();
    CommandService service =
        new CommandService(
            new CommandStore(jdbi),
            publisher,
            new CommandMetrics(new SimpleMeterRegistry()),
            new ObjectMapper(),
            Clock.systemUTC(),
            Duration.ofMinutes(5),
            Duration.ofSeconds(30));
    List<String> refused = new CopyOnWriteArrayList<>();
    jdbi.useTransaction(h -> {
      h.execute("SELECT 1");
      service.issueMany(
          List.of("rig-a", "rig-gone"),
          "blink-led",
          Map.of(),
          null,
          "test",
          null,
          (rig, why) -> refused.add(rig));
    });
    assertThat(publisher.seen).containsExactly("queued");
    assertThat(refused).containsExactly("rig-gone");
  }
}
