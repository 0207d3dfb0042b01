package io.otedama.controller.work;

import io.otedama.hashing.Hex;
import io.otedama.protocol.message.Algorithm;
import io.otedama.protocol.message.WorkAssignmentMessage;
import io.otedama.protocol.message.WorkJob;
import java.time.Clock;

/**
 * Turns a rig's work into the MQTT work assignment and hands it to the {@link
 * WorkAssignmentPublisher}. The job record is shared by all rigs of a feed; only a rig with a
 * version window (small extranonce2) gets a job copy with its own version field.
 */
public final class AgentAssignments implements WorkSubscriber {
  private final WorkAssignmentPublisher publisher;
  private final Clock clock;

  public AgentAssignments(WorkAssignmentPublisher publisher, Clock clock) {
    this.publisher = publisher;
    this.clock = clock;
  }

  @Override
  public void deliver(RigWork rig, IssuedJob job, WorkSlice slice, double difficulty) {
    publisher.publish(rig.rigId(), message(job, slice, difficulty, clock.millis()));
  }

  /** The assignment for one rig. */
  public static WorkAssignmentMessage message(
      IssuedJob job, WorkSlice slice, double difficulty, long ts) {
    WorkJob wire = job.wireJob();
    if (slice.fixedVersionMask() != 0) {
      int version = slice.baseVersion(job.source().job().version());
      wire =
          new WorkJob(
              wire.jobId(),
              wire.prevhash(),
              wire.coinb1(),
              wire.coinb2(),
              wire.merkleBranch(),
              Hex.encodeInt32(version),
              wire.nbits(),
              wire.ntime(),
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
