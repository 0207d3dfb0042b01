package io.otedama.agent.testing;

import io.otedama.hashing.Algorithm;
import io.otedama.hashing.Difficulty;
import io.otedama.hashing.Hex;
import io.otedama.hashing.sha256.Sha256d;
import io.otedama.hashing.stratum.HeaderAssembler;
import io.otedama.hashing.stratum.StratumJob;
import io.otedama.protocol.message.Share;
import io.otedama.protocol.message.WorkAssignmentMessage;
import io.otedama.protocol.message.WorkJob;
import java.util.List;

/**
 * Work assignments built from a real mainnet job (the difficulty-683 vector of
 * shared/testdata/HASHING_VECTORS.md) and the controller's side of a share check: rebuild the
 * header, hash it, compare with the assignment's difficulty.
 */
public final class TestWork {
  public static final String PREVHASH =
      "0c859545a3498373a57452fac22eb7113df2a465000543520000000000000000";
  public static final String COINB1 =
      "01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff4b0389130cfabe6d6d5cbab26a2599e92916edec5657a94a0708ddb970f5c45b5d12905085617eff8e";
  public static final String COINB2 =
      "31650707758de07b010000000000001cfd7038212f736c7573682f000000000379ad0c2a000000001976a9147c154ed1dc59609e3d26abb2df2ea3d587cd8c4188ac00000000000000002c6a4c2952534b424c4f434b3ae725d3994b811572c1f345deb98b56b465ef8e153ecbbd27fa37bf1b005161380000000000000000266a24aa21a9ed63b06a7946b190a3fda1d76165b25c9b883bcc6621b040773050ee2a1bb18f1800000000";
  public static final List<String> BRANCH =
      List.of(
          "2b77d9e413e8121cd7a17ff46029591051d0922bd90b2b2a38811af1cb57a2b2",
          "5c8874cef00f3a233939516950e160949ef327891c9090467cead995441d22c5",
          "2d91ff8e19ac5fa69a40081f26c5852d366d608b04d2efe0d5b65d111d0d8074");

  private TestWork() {}

  /** A sha256d assignment with extranonce1 {@code 01000000}, a one-byte prefix, size 4. */
  public static WorkAssignmentMessage assignment(
      String jobId, double difficulty, boolean clean, String prefix) {
    WorkJob job =
        new WorkJob(
            jobId, PREVHASH, COINB1, COINB2, BRANCH, "20000004", "1705ae3a", "647025b5", clean);
    return new WorkAssignmentMessage(
        System.currentTimeMillis(),
        job,
        "01000000",
        prefix,
        4,
        difficulty,
        io.otedama.protocol.message.Algorithm.SHA256D,
        null,
        "test");
  }

  /** The difficulty the share's hash really has, computed from scratch as the controller would. */
  public static double realDifficulty(WorkAssignmentMessage work, Share share) {
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
    byte[] header = new byte[80];
    new HeaderAssembler()
        .assemble(
            job,
            Hex.decode("e1", work.extranonce1()),
            Hex.decode("e2", share.extranonce2()),
            Hex.decodeInt32("ntime", share.ntime()),
            Hex.decodeInt32("nonce", share.nonce()),
            header);
    byte[] hash = new byte[32];
    new Sha256d().hash(header, 0, 80, hash, 0);
    return Difficulty.ofHash(Algorithm.SHA256D, hash);
  }
}
