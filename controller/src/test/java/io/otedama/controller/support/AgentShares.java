package io.otedama.controller.support;

import io.otedama.agent.device.AssignedWork;
import io.otedama.hashing.Algorithm;
import io.otedama.hashing.Difficulty;
import io.otedama.hashing.Hex;
import io.otedama.hashing.miner.MiningWork;
import io.otedama.hashing.sha256.Sha256d;
import io.otedama.hashing.stratum.HeaderAssembler;
import io.otedama.hashing.stratum.StratumJob;
import io.otedama.protocol.message.Share;
import io.otedama.protocol.message.WorkAssignmentMessage;

/** What an agent does with its work assignment, for tests that play the agent by hand. */
public final class AgentShares {
  private AgentShares() {}

  /** Hashes nonces until a share meets the assignment's difficulty (keep it low in tests). */
  public static Share mine(WorkAssignmentMessage work, String shareId) {
    // decoded as the agent decodes it
    MiningWork mining = AssignedWork.from(work).mining();
    byte[] en2 = new byte[mining.extranonce2Size()];
    byte[] prefix = mining.extranonce2Prefix();
    byte[] en1 = mining.extranonce1();
    StratumJob job = mining.job();
    System.arraycopy(prefix, 0, en2, 0, prefix.length);
    HeaderAssembler assembler = new HeaderAssembler();
    Sha256d sha = new Sha256d();
    byte[] header = new byte[80];
    byte[] hash = new byte[32];
    for (int nonce = 0; ; nonce++) {
      assembler.assemble(job, en1, en2, job.ntime(), nonce, header);
      sha.hash(header, 0, 80, hash, 0);
      if (mining.shareTarget().isMetBy(hash)) {
        return new Share(
            shareId,
            work.job().jobId(),
            Hex.encode(en2),
            work.job().ntime(),
            Hex.encodeInt32(nonce),
            null,
            Difficulty.ofHash(Algorithm.SHA256D, hash),
            null,
            null);
      }
    }
  }
}
