package io.otedama.controller.support;

import io.otedama.hashing.Algorithm;
import io.otedama.hashing.Difficulty;
import io.otedama.hashing.Hex;
import io.otedama.hashing.Target;
import io.otedama.hashing.sha256.Sha256d;
import io.otedama.hashing.stratum.HeaderAssembler;
import io.otedama.hashing.stratum.StratumJob;
import io.otedama.protocol.message.Share;
import io.otedama.protocol.message.WorkAssignmentMessage;
import io.otedama.protocol.message.WorkJob;

/** What an agent does with its work assignment, for tests that play the agent by hand. */
public final class AgentShares {
  private AgentShares() {}

  /** Hashes nonces until a share meets the assignment's difficulty (keep it low in tests). */
  public static Share mine(WorkAssignmentMessage work, String shareId) {
    WorkJob j = work.job();
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
    Target target = Difficulty.toTarget(Algorithm.SHA256D, work.difficulty());
    byte[] en1 = Hex.decode("en1", work.extranonce1());
    byte[] en2 = new byte[work.extranonce2Size()];
    byte[] prefix = Hex.decode("prefix", work.extranonce2Prefix());
    System.arraycopy(prefix, 0, en2, 0, prefix.length);
    HeaderAssembler assembler = new HeaderAssembler();
    Sha256d sha = new Sha256d();
    byte[] header = new byte[80];
    byte[] hash = new byte[32];
    for (int nonce = 0; ; nonce++) {
      assembler.assemble(job, en1, en2, job.ntime(), nonce, header);
      sha.hash(header, 0, 80, hash, 0);
      if (target.isMetBy(hash)) {
        return new Share(
            shareId,
            j.jobId(),
            Hex.encode(en2),
            j.ntime(),
            Hex.encodeInt32(nonce),
            null,
            Difficulty.ofHash(Algorithm.SHA256D, hash),
            null,
            null);
      }
    }
  }
}
