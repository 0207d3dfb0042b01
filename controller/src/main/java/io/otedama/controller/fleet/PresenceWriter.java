package io.otedama.controller.fleet;

import io.dropwizard.lifecycle.Managed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes liveness changes and births on its own thread, so the MQTT ingest threads that report them
 * never wait for the database; a storm of births becomes a few large transactions.
 */
class PresenceWriter implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(PresenceWriter.class);
  private static final int MAX_BATCH = 1000;

  sealed interface Write permits StatusWrite, BirthWrite {}

  record StatusWrite(StatusChange change) implements Write {}

  record BirthWrite(String rigId, RigBirth birth, String capabilitiesJson) implements Write {}

  private final Jdbi jdbi;
  private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
  private volatile boolean running;
  private Thread thread;

  PresenceWriter(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  void submit(Write write) {
    queue.add(write);
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::run, "otedama-presence-writer");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() throws InterruptedException {
    running = false;
    if (thread != null) {
      thread.join(10_000);
    }
  }

  private void run() {
    List<Write> batch = new ArrayList<>();
    while (running || !queue.isEmpty()) {
      try {
        Write first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("Rig liveness writer failed on a batch of {}; it keeps running", batch.size(), e);
      } finally {
        batch.clear();
      }
    }
  }

  /**
   * One transaction for the whole batch; if it fails, each write gets its own, so one bad row (a
   * rig deleted meanwhile, say) costs only itself.
   */
  private void write(List<Write> batch) {
    try {
      jdbi.useTransaction(h -> {
        lockInIdOrder(h, batch);
        batch.forEach(w -> apply(h, w));
      });
    } catch (RuntimeException batchFailure) {
      for (Write w : batch) {
        try {
          jdbi.useTransaction(h -> apply(h, w));
        } catch (RuntimeException e) {
          LOG.error("Could not write rig liveness change {}; it is lost", w, e);
        }
      }
    }
  }

  /**
   * Locks the batch's rigs in id order first, as the telemetry writer and the last-seen flush do:
   * updating them in arrival order deadlocked against those under load (the 10,000-rig runs).
   */
  private static void lockInIdOrder(Handle h, List<Write> batch) {
    String[] ids =
        batch.stream()
            .map(w ->
                switch (w) {
                  case StatusWrite s -> s.change().rigId();
                  case BirthWrite b -> b.rigId();
                })
            .distinct()
            .toArray(String[]::new);
    h.createQuery("SELECT id FROM rigs WHERE id = ANY(:ids) ORDER BY id FOR NO KEY UPDATE")
        .bindArray("ids", String.class, (Object[]) ids)
        .mapTo(String.class)
        .list();
  }

  private static void apply(Handle h, Write w) {
    switch (w) {
      case StatusWrite s -> writeStatus(h, s.change());
      case BirthWrite b -> writeBirth(h, b);
    }
  }

  private static void writeStatus(Handle h, StatusChange c) {
    h.createUpdate("UPDATE rigs SET status = :to, status_changed_at = :at WHERE id = :id")
        .bind("to", c.to())
        .bind("at", c.at())
        .bind("id", c.rigId())
        .execute();
    insertEvent(h, c.rigId(), c.at(), "status", c.from(), c.to(), c.detail());
  }

  private static void writeBirth(Handle h, BirthWrite b) {
    RigBirth birth = b.birth();
    h.createUpdate(
            "UPDATE rigs SET agent_version = :version,"
                + " devices = COALESCE(CAST(:devices AS jsonb), devices),"
                + " capabilities = CAST(:caps AS jsonb),"
                + " last_seen = GREATEST(COALESCE(last_seen, :at), :at)"
                + " WHERE id = :id")
        .bind("version", birth.agentVersion())
        .bind("devices", birth.devicesJson())
        .bind("caps", b.capabilitiesJson())
        .bind("at", birth.at())
        .bind("id", b.rigId())
        .execute();
    insertEvent(
        h,
        b.rigId(),
        birth.at(),
        "birth",
        null,
        null,
        "agent " + birth.agentVersion() + ", seq " + birth.seq());
  }

  static void insertEvent(
      Handle h, String rigId, Instant at, String kind, String from, String to, String detail) {
    h.createUpdate(
            "INSERT INTO rig_events (rig_id, at, kind, from_status, to_status, detail)"
                + " SELECT :rig, :at, :kind, :from, :to, :detail WHERE EXISTS"
                + " (SELECT 1 FROM rigs WHERE id = :rig)")
        .bind("rig", rigId)
        .bind("at", at)
        .bind("kind", kind)
        .bind("from", from)
        .bind("to", to)
        .bind("detail", detail)
        .execute();
  }
}
