package io.otedama.agent.device;

import io.otedama.hashing.Algorithm;
import io.otedama.hashing.Difficulty;
import io.otedama.hashing.Hex;
import io.otedama.hashing.miner.MiningWork;
import io.otedama.hashing.stratum.StratumJob;
import io.otedama.protocol.message.WorkAssignmentMessage;
import io.otedama.protocol.message.WorkJob;
import java.util.Objects;

/**
 * A validated work assignment: the message as received and the hashing module's decoded form.
 *
 * @param mining what the hashing code mines
 */
public record AssignedWork(WorkAssignmentMessage message, MiningWork mining) {
  public AssignedWork {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(mining, "mining");
  }

  /**
   * Decodes an assignment the codec already accepted.
   *
   * @throws IllegalArgumentException naming what the hashing code cannot use
   */
  public static AssignedWork from(WorkAssignmentMessage m) {
    WorkJob j = m.job();
    StratumJob job =
        StratumJob.fromNotify(
            j.jobId(),
            j.prevhash(),
            j.coinb1(),
            j.coinb2(),
            j.merkleBranch(),
            j.version(),
            j.nbits(),
            j.ntime(),
            j.cleanJobs());
    Algorithm algorithm = Algorithm.fromId(m.algorithm().wireName());
    MiningWork mining =
        new MiningWork(
            algorithm,
            job,
            Hex.decode("extranonce1", m.extranonce1()),
            Hex.decode("extranonce2Prefix", m.extranonce2Prefix()),
            m.extranonce2Size(),
            Difficulty.toTarget(algorithm, m.difficulty()));
    return new AssignedWork(m, mining);
  }

  public String jobId() {
    return message.job().jobId();
  }

  public boolean cleanJobs() {
    return message.job().cleanJobs();
  }
}
