package io.otedama.controller.testing;

import io.otedama.controller.fleet.RigBirth;
import io.otedama.controller.fleet.RigPresenceSink;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The fleet's presence seam, recording every call for assertions. */
public final class RecordingPresenceSink implements RigPresenceSink {

  public record Birth(String rigId, RigBirth birth) {}

  public record Status(String rigId, boolean online, String reason, Instant at) {}

  public record Heartbeat(String rigId, Instant at) {}

  public final List<Birth> births = new CopyOnWriteArrayList<>();
  public final List<Status> statuses = new CopyOnWriteArrayList<>();
  public final List<Heartbeat> heartbeats = new CopyOnWriteArrayList<>();

  @Override
  public void birth(String rigId, RigBirth birth) {
    births.add(new Birth(rigId, birth));
  }

  @Override
  public void statusReported(String rigId, boolean online, String reason, Instant at) {
    statuses.add(new Status(rigId, online, reason, at));
  }

  @Override
  public void telemetrySeen(String rigId, Instant at) {
    heartbeats.add(new Heartbeat(rigId, at));
  }
}
