package io.otedama.controller.work;

import io.otedama.hashing.Hex;
import io.otedama.protocol.message.Algorithm;
import io.otedama.protocol.message.WorkAssignmentMessage;
import io.otedama.protocol.message.WorkJob;
import java.time.Clock;

/**
 * Turns a rig's work into the MQTT work assignment and hands it to the {@link
 * WorkAssignmentPublisher}. The job record is shared by all rigs of a feed; only a rig with a
 * version or ntime window (small extranonce2) gets a job copy with its own version and ntime.
 */
public final class AgentAssignments implements WorkSubscriber {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(AgentAssignments.class);
  private static final long LOG_EVERY_NANOS = 60_000_000_000L;

  private final WorkAssignmentPublisher publisher;
  private final Clock clock;
  private final WorkMetrics metrics;
  private final java.util.concurrent.atomic.AtomicLong lastLogged =
      new java.util.concurrent.atomic.AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

  public AgentAssignments(WorkAssignmentPublisher publisher, Clock clock) {
    this(publisher, clock, null);
  }

  /**
   * @param metrics counts assignments the transport failed to take, or null
   */
  public AgentAssignments(WorkAssignmentPublisher publisher, Clock clock, WorkMetrics metrics) {
    this.publisher = publisher;
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * Publishes the rig's assignment. A transport failure (broker down, client queue full) is counted
   * in {@code otedama_work_publish_failed_total} and logged at most once a minute, and does not
   * stop the fan-out to the other rigs: the next job or retarget publishes again.
   */
  @Override
  public void deliver(RigWork rig, IssuedJob job, WorkSlice slice, double difficulty) {
    try {
      publisher.publish(rig.rigId(), message(job, slice, difficulty, clock.millis()));
    } catch (RuntimeException e) {
      if (metrics != null) {
        metrics.publishFailed();
      }
      long now = System.nanoTime();
      long last = lastLogged.get();
      if (now - last >= LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
        LOG.warn(
            "publishing work to {} failed (further failures within a minute are only counted in"
                + " otedama_work_publish_failed_total): {}",
            rig.rigId(),
            e.toString());
      }
    }
  }

  /** The assignment for one rig. */
  public static WorkAssignmentMessage message(
      IssuedJob job, WorkSlice slice, double difficulty, long ts) {
    WorkJob wire = job.wireJob();
    if (slice.fixedVersionMask() != 0 || slice.hasNtimeWindow()) {
      int version = slice.baseVersion(job.source().job().version());
      int ntime = slice.baseNtime(job.source().job().ntime());
      wire =
          new WorkJob(
              wire.jobId(),
              wire.prevhash(),
              wire.coinb1(),
              wire.coinb2(),
              wire.merkleBranch(),
              Hex.encodeInt32(version),
              wire.nbits(),
              Hex.encodeInt32(ntime),
              wire.cleanJobs());
    }
    return new WorkAssignmentMessage(
        ts,
        wire,
        job.session().extranonce1Hex(),
        slice.prefixHex(),
        slice.extranonce2Size(),
        difficulty,
        job.source().algorithm() == io.otedama.hashing.Algorithm.SCRYPT
            ? Algorithm.SCRYPT
            : Algorithm.SHA256D,
        slice.rollMask() == 0 ? null : Hex.encodeInt32(slice.rollMask()),
        job.session().poolName());
  }
}
