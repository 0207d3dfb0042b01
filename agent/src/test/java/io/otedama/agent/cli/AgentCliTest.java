package io.otedama.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AgentCliTest {
  static final String GENESIS_HEADER =
      "0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c";
  static final String LTC_HEADER =
      "020000004c1271c211717198227392b029a64a7971931d351b387bb80db027f270411e398a07046f7d4a08dd815412a8712f874a7ebf0507e3878bd24e20a3b73fd750a667d2f451eac7471b00de6659";

  /** The mining.notify params of the difficulty-683 vector (shared/testdata). */
  static final String NOTIFY =
      "[\"job-683\",\"0c859545a3498373a57452fac22eb7113df2a465000543520000000000000000\","
          + "\"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff4b0389130cfabe6d6d5cbab26a2599e92916edec5657a94a0708ddb970f5c45b5d12905085617eff8e\","
          + "\"31650707758de07b010000000000001cfd7038212f736c7573682f000000000379ad0c2a000000001976a9147c154ed1dc59609e3d26abb2df2ea3d587cd8c4188ac00000000000000002c6a4c2952534b424c4f434b3ae725d3994b811572c1f345deb98b56b465ef8e153ecbbd27fa37bf1b005161380000000000000000266a24aa21a9ed63b06a7946b190a3fda1d76165b25c9b883bcc6621b040773050ee2a1bb18f1800000000\","
          + "[\"2b77d9e413e8121cd7a17ff46029591051d0922bd90b2b2a38811af1cb57a2b2\","
          + "\"5c8874cef00f3a233939516950e160949ef327891c9090467cead995441d22c5\","
          + "\"2d91ff8e19ac5fa69a40081f26c5852d366d608b04d2efe0d5b65d111d0d8074\","
          + "\"0ae96f609ad2264112a0b2dfb65624bedbcea3b036a59c0173394bba3a74e887\","
          + "\"e62172e63973d69574a82828aeb5711fc5ff97946db10fc7ec32830b24df7bde\","
          + "\"adb49456453aab49549a9eb46bb26787fb538e0a5f656992275194c04651ec97\","
          + "\"a7bc56d04d2672a8683892d6c8d376c73d250a4871fdf6f57019bcc737d6d2c2\","
          + "\"d94eceb8182b4f418cd071e93ec2a8993a0898d4c93bc33d9302f60dbbd0ed10\","
          + "\"5ad7788b8c66f8f50d332b88a80077ce10e54281ca472b4ed9bbbbcb6cf99083\","
          + "\"9f9d784b33df1b3ed3edb4211afc0dc1909af9758c6f8267e469f5148ed04809\","
          + "\"48fd17affa76b23e6fb2257df30374da839d6cb264656a82e34b350722b05123\","
          + "\"c4f5ab01913fc186d550c1a28f3f3e9ffaca2016b961a6a751f8cca0089df924\","
          + "\"cff737e1d00176dd6bbfa73071adbb370f227cfb5fba186562e4060fcec877e1\"],"
          + "\"20000004\",\"1705ae3a\",\"647025b5\",true]";

  record Run(int exit, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }

    List<String> errLines() {
      return err.lines().toList();
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = AgentCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void hashPrintsTheGenesisHash() {
    Run r = run("hash", "--algo", "sha256d", "--header", GENESIS_HEADER);
    assertThat(r.exit()).isZero();
    assertThat(r.outLines())
        .containsExactly("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void hashWithScryptPrintsTheLitecoinBlockHash() {
    Run r = run("hash", "--algo", "scrypt", "--header", LTC_HEADER);
    assertThat(r.exit()).isZero();
    assertThat(r.outLines())
        .containsExactly("00000000002bef4107f882f6115e0b01f348d21195dacd3582aa2dabd7985806");
  }

  @Test
  void shareReproducesTheDifficulty683Vector() {
    Run r =
        run(
            "share",
            "--notify",
            NOTIFY,
            "--extranonce1",
            "01000000",
            "--extranonce2",
            "00000000",
            "--ntime",
            "647025b5",
            "--nonce",
            "0a029ed1");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    assertThat(r.outLines())
        .containsExactly(
            "header=040000204595850c738349a3fa5274a511b72ec265a4f23d5243050000000000000000005bdc1968499c3393873edf8e07a1c3a50a97fc3a9d1a376bbf77087dd63778ebb52570643aae0517d19e020a",
            "hash=00000000005fe144efbc66241c0094b8fdc2702b7729226fdfed70ca8094c0b5",
            "difficulty=683.510936731298");
  }

  @Test
  void shareAppliesVersionRollingUnderTheMask() {
    Run r =
        run(
            "share",
            "--notify",
            NOTIFY,
            "--extranonce1",
            "01000000",
            "--extranonce2",
            "00000000",
            "--ntime",
            "647025b5",
            "--nonce",
            "0a029ed1",
            "--version-bits",
            "00ffe000",
            "--version-mask",
            "1fffe000");
    assertThat(r.exit()).isZero();
    assertThat(r.outLines().get(0)).startsWith("header=04e0ff20"); // 0x20ffe004 little-endian
    assertThat(r.outLines().get(2)).startsWith("difficulty=");
  }

  @Test
  void benchPrintsTheRateLineLast() {
    Run r = run("bench", "--algo", "sha256d", "--threads", "1", "--seconds", "1");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    List<String> lines = r.outLines();
    assertThat(lines.get(0)).startsWith("sha256d vector");
    assertThat(lines.get(lines.size() - 1)).matches("sha256d: \\d+\\.\\d\\d MH/s \\(1 threads\\)");
  }

  @Test
  void benchScryptUsesKilohashes() {
    Run r = run("bench", "--algo", "scrypt", "--threads", "1", "--seconds", "1");
    assertThat(r.exit()).isZero();
    List<String> lines = r.outLines();
    assertThat(lines.get(lines.size() - 1)).matches("scrypt: \\d+\\.\\d\\d kH/s \\(1 threads\\)");
  }

  static List<List<String>> badArguments() {
    return List.of(
        List.of("hash", "--header", GENESIS_HEADER, "--bogus"),
        List.of("hash", "--header", "zz" + GENESIS_HEADER.substring(2)),
        List.of("hash", "--header", GENESIS_HEADER.substring(2)),
        List.of("hash", "--header", GENESIS_HEADER + "00"),
        List.of("hash", "--algo", "x11", "--header", GENESIS_HEADER),
        List.of("hash"),
        List.of("frobnicate"),
        List.of(),
        List.of(
            "share",
            "--notify",
            "[1",
            "--extranonce1",
            "00",
            "--extranonce2",
            "00",
            "--ntime",
            "00000000",
            "--nonce",
            "00000000"),
        List.of(
            "share",
            "--notify",
            NOTIFY,
            "--extranonce1",
            "01000000",
            "--extranonce2",
            "0g",
            "--ntime",
            "647025b5",
            "--nonce",
            "0a029ed1"),
        List.of(
            "share",
            "--notify",
            NOTIFY,
            "--extranonce1",
            "01000000",
            "--extranonce2",
            "00000000",
            "--ntime",
            "647025",
            "--nonce",
            "0a029ed1"),
        List.of("bench", "--threads", "0", "--seconds", "1"),
        List.of("bench", "--algo", "md5"),
        List.of("bench", "--seconds", "-1"));
  }

  @ParameterizedTest
  @MethodSource("badArguments")
  void badArgumentsExitTwoWithOneClearLine(List<String> args) {
    Run r = run(args.toArray(String[]::new));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0)).startsWith("error: ").doesNotContain("Exception\tat", "\tat ");
  }

  @Test
  void errorMessagesSayWhatIsWrong() {
    assertThat(run("hash", "--header", GENESIS_HEADER, "--bogus").err())
        .contains("Unknown option: '--bogus'");
    assertThat(run("hash", "--header", "00").err())
        .contains("--header must be 80 bytes (160 hex digits), got 1");
    assertThat(run("hash", "--algo", "x11", "--header", GENESIS_HEADER).err())
        .contains("unknown algorithm 'x11', expected one of sha256d, scrypt");
  }
}
