package io.otedama.hashing;

import io.otedama.hashing.stratum.StratumJob;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The shared test vectors (shared/testdata/HASHING_VECTORS.md): real Bitcoin and Litecoin data
 * produced outside this project. Hashes are in display order unless the name says otherwise.
 */
public final class Vectors {
  private Vectors() {}

  public static final String GENESIS_HEADER =
      "0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c";
  public static final String GENESIS_HASH =
      "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f";

  /** The genesis block's coinbase transaction; its SHA-256d is the genesis merkle root. */
  public static final String GENESIS_COINBASE =
      "01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff4d04ffff001d0104455468652054696d65732030332f4a616e2f32303039204368616e63656c6c6f72206f6e206272696e6b206f66207365636f6e64206261696c6f757420666f722062616e6b73ffffffff0100f2052a01000000434104678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5fac00000000";

  public static final int GENESIS_NONCE = 0x7c2bac1d;

  public static final String BLOCK_125552_HEADER =
      "0100000081cd02ab7e569e8bcd9317e2fe99f2de44d49ab2b8851ba4a308000000000000e320b6c2fffc8d750423db8b1eb942ae710e951ed797f7affc8892b0f1fc122bc7f5d74df2b9441a42a14695";
  public static final String BLOCK_125552_HASH =
      "00000000000000001e8d6829a8a21adc5d38d0a473b144b6765798e61f98bd1d";

  // The Stratum job to share vector (SHA-256d mainnet, share difficulty 683.5)
  public static final String JOB_PREVHASH =
      "0c859545a3498373a57452fac22eb7113df2a465000543520000000000000000";
  public static final String JOB_COINB1 =
      "01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff4b0389130cfabe6d6d5cbab26a2599e92916edec5657a94a0708ddb970f5c45b5d12905085617eff8e";
  public static final String JOB_COINB2 =
      "31650707758de07b010000000000001cfd7038212f736c7573682f000000000379ad0c2a000000001976a9147c154ed1dc59609e3d26abb2df2ea3d587cd8c4188ac00000000000000002c6a4c2952534b424c4f434b3ae725d3994b811572c1f345deb98b56b465ef8e153ecbbd27fa37bf1b005161380000000000000000266a24aa21a9ed63b06a7946b190a3fda1d76165b25c9b883bcc6621b040773050ee2a1bb18f1800000000";
  public static final List<String> JOB_MERKLE_BRANCH =
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
  public static final String JOB_VERSION = "20000004";
  public static final String JOB_NBITS = "1705ae3a";
  public static final String JOB_NTIME = "647025b5";
  public static final String JOB_EXTRANONCE1 = "01000000";
  public static final String JOB_EXTRANONCE2 = "00000000";
  public static final String JOB_NONCE = "0a029ed1";
  public static final String JOB_MERKLE_ROOT_HEADER_ORDER =
      "5bdc1968499c3393873edf8e07a1c3a50a97fc3a9d1a376bbf77087dd63778eb";
  public static final String JOB_HEADER =
      "040000204595850c738349a3fa5274a511b72ec265a4f23d5243050000000000000000005bdc1968499c3393873edf8e07a1c3a50a97fc3a9d1a376bbf77087dd63778ebb52570643aae0517d19e020a";
  public static final String JOB_HASH =
      "00000000005fe144efbc66241c0094b8fdc2702b7729226fdfed70ca8094c0b5";

  /** Network difficulty of nbits 1705ae3a. */
  public static final double NBITS_1705AE3A_DIFFICULTY = 49_549_703_178_592.68;

  public static final String LTC_HEADER_1 =
      "020000004c1271c211717198227392b029a64a7971931d351b387bb80db027f270411e398a07046f7d4a08dd815412a8712f874a7ebf0507e3878bd24e20a3b73fd750a667d2f451eac7471b00de6659";
  public static final String LTC_HASH_1 =
      "00000000002bef4107f882f6115e0b01f348d21195dacd3582aa2dabd7985806";
  public static final String LTC_HEADER_2 =
      "0200000011503ee6a855e900c00cfdd98f5f55fffeaee9b6bf55bea9b852d9de2ce35828e204eef76acfd36949ae56d1fbe81c1ac9c0209e6331ad56414f9072506a77f8c6faf551eac7471b00389d01";
  public static final String LTC_HASH_2 =
      "00000000003a0d11bdd5eb634e08b7feddcfbbf228ed35d250daf19f1c88fc94";

  public static final String SHA256D_DIFF1_TARGET =
      "00000000ffff0000000000000000000000000000000000000000000000000000";
  public static final String SCRYPT_DIFF1_TARGET =
      "0000ffff00000000000000000000000000000000000000000000000000000000";

  /** The difficulty-683 job of the vectors, as a miner receives it. */
  public static StratumJob vectorJob() {
    return StratumJob.fromNotify(
        "job-683",
        JOB_PREVHASH,
        JOB_COINB1,
        JOB_COINB2,
        JOB_MERKLE_BRANCH,
        JOB_VERSION,
        JOB_NBITS,
        JOB_NTIME,
        true);
  }

  /**
   * The genesis block as a Stratum job: its coinbase split around bytes 40..48 (extranonce1 is
   * bytes 40..44, extranonce2 bytes 44..48), no merkle branch.
   */
  public static StratumJob genesisJob() {
    byte[] coinbase = bytes(GENESIS_COINBASE);
    return StratumJob.of(
        "genesis",
        new byte[32],
        Arrays.copyOfRange(coinbase, 0, 40),
        Arrays.copyOfRange(coinbase, 48, coinbase.length),
        List.of(),
        1,
        0x1d00ffff,
        0x495fab29,
        true);
  }

  public static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  /** The nonce field of an 80-byte header (its value). */
  public static int nonceOf(byte[] header) {
    return (header[76] & 0xff)
        | (header[77] & 0xff) << 8
        | (header[78] & 0xff) << 16
        | (header[79] & 0xff) << 24;
  }
}
