package io.otedama.controller.work;

import io.otedama.protocol.stratum.MiningNotify;
import java.util.List;

/**
 * The real Stratum job of /work/shared/testdata/HASHING_VECTORS.md (SHA-256d mainnet): with
 * extranonce1 01000000, extranonce2 00000000, ntime 647025b5 and nonce 0a029ed1 it gives a share of
 * difficulty 683.5.
 */
public final class JobVector {
  private JobVector() {}

  public static final String PREVHASH =
      "0c859545a3498373a57452fac22eb7113df2a465000543520000000000000000";
  public static final String COINB1 =
      "01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff4b0389130cfabe6d6d5cbab26a2599e92916edec5657a94a0708ddb970f5c45b5d12905085617eff8e";
  public static final String COINB2 =
      "31650707758de07b010000000000001cfd7038212f736c7573682f000000000379ad0c2a000000001976a9147c154ed1dc59609e3d26abb2df2ea3d587cd8c4188ac00000000000000002c6a4c2952534b424c4f434b3ae725d3994b811572c1f345deb98b56b465ef8e153ecbbd27fa37bf1b005161380000000000000000266a24aa21a9ed63b06a7946b190a3fda1d76165b25c9b883bcc6621b040773050ee2a1bb18f1800000000";
  public static final List<String> MERKLE_BRANCH =
      List.of(
          "2b77d9e413e8121cd7a17ff46029591051d0922bd90b2b2a38811af1cb57a2b2",
          "5c8874cef00f3a233939516950e160949ef327891c9090467cead995441d22c5",
          "2d91ff8e19ac5fa69a40081f26c5852d366d608b04d2efe0d5b65d111d0d8074",
          "0ae96f609ad2264112a0b2dfb65624bedbcea3b036a59c0173394bba3a74e887",
          "e62172e63973d69574a82828aeb5711fc5ff97946db10fc7ec32830b24df7bde",
          "adb49456453aab49549a9eb46bb26787fb538e0a5f656992275194c04651ec97",
          "a7bc56d04d2672a8683892d6c8d376c73d250a4871fdf6f57019bcc737d6d2c2",
          "d94eceb8182b4f418cd071e93ec2a8993a0898d4c93bc33d9302f60dbbd0ed10",
          "5ad7788b8c66f8f50d332b88a80077ce10e54281ca472b4ed9bbbbcb6cf99083",
          "9f9d784b33df1b3ed3edb4211afc0dc1909af9758c6f8267e469f5148ed04809",
          "48fd17affa76b23e6fb2257df30374da839d6cb264656a82e34b350722b05123",
          "c4f5ab01913fc186d550c1a28f3f3e9ffaca2016b961a6a751f8cca0089df924",
          "cff737e1d00176dd6bbfa73071adbb370f227cfb5fba186562e4060fcec877e1");
  public static final String VERSION = "20000004";
  public static final String NBITS = "1705ae3a";
  public static final String NTIME = "647025b5";
  public static final String EXTRANONCE1 = "01000000";
  public static final String EXTRANONCE2 = "00000000";
  public static final String NONCE = "0a029ed1";
  public static final String HASH =
      "00000000005fe144efbc66241c0094b8fdc2702b7729226fdfed70ca8094c0b5";
  public static final double SHARE_DIFFICULTY = 683.5;

  /** The job's notify under job id {@code jobId}. */
  public static MiningNotify notify(String jobId, boolean cleanJobs) {
    return new MiningNotify(
        jobId, PREVHASH, COINB1, COINB2, MERKLE_BRANCH, VERSION, NBITS, NTIME, cleanJobs);
  }

  /** The notify params as JSON text, as a pool sends them. */
  public static String notifyParamsJson(String jobId, boolean cleanJobs) {
    StringBuilder b = new StringBuilder("[\"").append(jobId).append("\",\"").append(PREVHASH);
    b.append("\",\"").append(COINB1).append("\",\"").append(COINB2).append("\",[");
    for (int i = 0; i < MERKLE_BRANCH.size(); i++) {
      b.append(i == 0 ? "\"" : ",\"").append(MERKLE_BRANCH.get(i)).append('"');
    }
    b.append("],\"").append(VERSION).append("\",\"").append(NBITS).append("\",\"").append(NTIME);
    return b.append("\",").append(cleanJobs).append(']').toString();
  }
}
