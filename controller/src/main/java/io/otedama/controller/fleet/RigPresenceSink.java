package io.otedama.controller.fleet;

import java.time.Instant;

/**
 * What the MQTT edge tells the fleet about a rig's liveness. Implemented by the fleet feature
 * (state machine, rig events), called by the MQTT adapter and the telemetry ingest. Calls must
 * return quickly and never block on I/O for long: they run on ingest threads.
 */
public interface RigPresenceSink {

  /** A birth message arrived: the rig is online and this is what it says it is. */
  void birth(String rigId, RigBirth birth);

  /** A status message (retained, or the Last Will) arrived. */
  void statusReported(String rigId, boolean online, String reason, Instant at);

  /** Telemetry arrived: the heartbeat that keeps a rig from turning stale. */
  void telemetrySeen(String rigId, Instant at);
}
