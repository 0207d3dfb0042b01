package io.otedama.protocol.stratum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What real miners send, decoded by the server side. */
class StratumCodecClientLinesTest {
  private final StratumCodec codec = new StratumCodec();

  private ClientMessage decode(String line) throws StratumProtocolException {
    return codec.decodeFromClient(line);
  }

  private StratumProtocolException rejected(String line) {
    StratumProtocolException e =
        catchThrowableOfType(StratumProtocolException.class, () -> codec.decodeFromClient(line));
    assertThat(e).as("expected a rejection of " + line).isNotNull();
    assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
    return e;
  }

  // ---- subscribe

  @Test
  void cgminerSubscribe() throws Exception {
    assertThat(
            decode(
                "{\"id\": 0, \"method\": \"mining.subscribe\", \"params\": [\"cgminer/4.12.1\"]}"))
        .isEqualTo(new MiningSubscribe(StratumId.of(0), "cgminer/4.12.1", null));
  }

  @Test
  void cgminerResumesASession() throws Exception {
    assertThat(
            decode(
                "{\"id\": 0, \"method\": \"mining.subscribe\", \"params\": [\"cgminer/4.10.0\","
                    + " \"0100000A\"]}"))
        .isEqualTo(new MiningSubscribe(StratumId.of(0), "cgminer/4.10.0", "0100000a"));
  }

  @Test
  void subscribeWithoutParamsOrWithNulls() throws Exception {
    assertThat(decode("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}"))
        .isEqualTo(new MiningSubscribe(StratumId.of(1), null, null));
    assertThat(decode("{\"id\":1,\"method\":\"mining.subscribe\"}"))
        .isEqualTo(new MiningSubscribe(StratumId.of(1), null, null));
    assertThat(decode("{\"id\":null,\"method\":\"mining.subscribe\",\"params\":null}"))
        .isEqualTo(new MiningSubscribe(StratumId.NULL, null, null));
    assertThat(
            decode(
                "{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"bitaxe/BM1366/v2.4.2\","
                    + " null, \"pool.example\", 3333]}"))
        .isEqualTo(new MiningSubscribe(StratumId.of(1), "bitaxe/BM1366/v2.4.2", null));
  }

  @Test
  void userAgentIsBoundedAndPrintable() throws Exception {
    MiningSubscribe s =
        (MiningSubscribe)
            decode(
                "{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"evil\\r\\nINJECT"
                    + "x".repeat(400)
                    + "\"]}");
    assertThat(s.userAgent()).startsWith("evil??INJECT").doesNotContain("\n").hasSizeLessThan(300);
  }

  // ---- authorize

  @Test
  void authorizeVariants() throws Exception {
    assertThat(
            decode(
                "{\"id\": 2, \"method\": \"mining.authorize\", \"params\": [\"farm.rig1\", \"x\"]}"))
        .isEqualTo(new MiningAuthorize(StratumId.of(2), "farm.rig1", "x"));
    assertThat(
            decode("{\"id\":\"auth-1\",\"method\":\"mining.authorize\",\"params\":[\"farm.w1\"]}"))
        .isEqualTo(new MiningAuthorize(StratumId.of("auth-1"), "farm.w1", null));
    assertThat(decode("{\"id\":3,\"method\":\" mining.authorize \",\"params\":[\"farm.w1\",null]}"))
        .isEqualTo(new MiningAuthorize(StratumId.of(3), "farm.w1", null));
    assertThat(decode("{\"id\":3,\"method\":\"Mining.Authorize\",\"params\":[\"farm.w1\",123]}"))
        .isEqualTo(new MiningAuthorize(StratumId.of(3), "farm.w1", "123"));
  }

  @Test
  void authorizeNeedsAUsername() {
    StratumProtocolException e =
        rejected("{\"id\":3,\"method\":\"mining.authorize\",\"params\":[]}");
    assertThat(e.kind()).isEqualTo(StratumProtocolException.Kind.BAD_PARAMS);
    assertThat(e.id()).isEqualTo(StratumId.of(3));
    assertThat(e.getMessage()).contains("username");
    assertThat(
            rejected("{\"id\":3,\"method\":\"mining.authorize\",\"params\":[\"\",\"x\"]}").kind())
        .isEqualTo(StratumProtocolException.Kind.BAD_PARAMS);
    assertThat(
            rejected("{\"id\":3,\"method\":\"mining.authorize\",\"params\":[{\"u\":1},\"x\"]}")
                .kind())
        .isEqualTo(StratumProtocolException.Kind.BAD_PARAMS);
  }

  @Test
  void accountWorkerAndPasswordDifficulty() {
    MiningAuthorize a = new MiningAuthorize(StratumId.of(1), "farm.rig.7", "x,d=0.01");
    assertThat(a.account()).isEqualTo("farm");
    assertThat(a.worker()).isEqualTo("rig.7");
    assertThat(a.requestedDifficulty()).hasValue(0.01);
    assertThat(new MiningAuthorize(StratumId.NULL, "farm", "d=512").requestedDifficulty())
        .hasValue(512);
    assertThat(new MiningAuthorize(StratumId.NULL, "farm", "d=512").worker()).isEmpty();
    assertThat(new MiningAuthorize(StratumId.NULL, "a", "d=2.5 x").requestedDifficulty())
        .hasValue(2.5);
    for (String password : new String[] {"x", "d=", "d=abc", "d=-1", "d=0", "d=1e400", "sd=5"}) {
      assertThat(new MiningAuthorize(StratumId.NULL, "a", password).requestedDifficulty())
          .as(password)
          .isEmpty();
    }
    assertThat(new MiningAuthorize(StratumId.NULL, "a", null).requestedDifficulty()).isEmpty();
  }

  // ---- configure

  @Test
  void antminerConfigure() throws Exception {
    MiningConfigure c =
        (MiningConfigure)
            decode(
                "{\"id\":1,\"method\":\"mining.configure\",\"params\":[[\"version-rolling\"],"
                    + "{\"version-rolling.mask\":\"1FFFE000\",\"version-rolling.min-bit-count\":2}]}");
    assertThat(c.id()).isEqualTo(StratumId.of(1));
    assertThat(c.versionRollingRequested()).isTrue();
    assertThat(c.versionRollingMask()).isEqualTo("1fffe000");
    assertThat(c.versionRollingMinBitCount()).isEqualTo(2);
    assertThat(c.minimumDifficulty()).isNull();
    assertThat(c.parameters()).containsEntry("version-rolling.min-bit-count", 2L);
  }

  @Test
  void configureWithSeveralExtensionsAndStringNumbers() throws Exception {
    MiningConfigure c =
        (MiningConfigure)
            decode(
                "{\"id\":2,\"method\":\"mining.configure\",\"params\":[[\"minimum-difficulty\","
                    + "\"version-rolling\",\"subscribe-extranonce\"],{\"minimum-difficulty.value\":"
                    + "2048,\"version-rolling.mask\":\"ffffffff\",\"version-rolling.min-bit-count\":"
                    + "\"16\"}]}");
    assertThat(c.extensions())
        .containsExactly("minimum-difficulty", "version-rolling", "subscribe-extranonce");
    assertThat(c.minimumDifficulty()).isEqualTo(2048.0);
    assertThat(c.versionRollingMask()).isEqualTo("ffffffff");
    assertThat(c.versionRollingMinBitCount()).isEqualTo(16);

    MiningConfigure noParams =
        (MiningConfigure)
            decode("{\"id\":3,\"method\":\"mining.configure\",\"params\":[[\"version-rolling\"]]}");
    assertThat(noParams.versionRollingMask()).isNull();
    assertThat(noParams.parameters()).isEmpty();
  }

  @Test
  void configureRefusesAGarbageMask() {
    StratumProtocolException e =
        rejected(
            "{\"id\":1,\"method\":\"mining.configure\",\"params\":[[\"version-rolling\"],"
                + "{\"version-rolling.mask\":\"not-hex\"}]}");
    assertThat(e.kind()).isEqualTo(StratumProtocolException.Kind.BAD_PARAMS);
    assertThat(e.getMessage()).contains("version-rolling.mask");
  }

  // ---- suggest_difficulty, extranonce.subscribe

  @Test
  void suggestDifficultyAsArrayBareNumberOrString() throws Exception {
    assertThat(decode("{\"id\": 3, \"method\": \"mining.suggest_difficulty\", \"params\": [1000]}"))
        .isEqualTo(new MiningSuggestDifficulty(StratumId.of(3), 1000));
    assertThat(decode("{\"id\":5,\"method\":\"mining.suggest_difficulty\",\"params\":0.0001}"))
        .isEqualTo(new MiningSuggestDifficulty(StratumId.of(5), 0.0001));
    assertThat(decode("{\"id\":6,\"method\":\"mining.suggest_difficulty\",\"params\":[\"512.5\"]}"))
        .isEqualTo(new MiningSuggestDifficulty(StratumId.of(6), 512.5));
    for (String bad : new String[] {"[]", "[0]", "[-4]", "[\"lots\"]", "[true]", "[1e400]"}) {
      assertThat(
              rejected("{\"id\":6,\"method\":\"mining.suggest_difficulty\",\"params\":" + bad + "}")
                  .kind())
          .as(bad)
          .isEqualTo(StratumProtocolException.Kind.BAD_PARAMS);
    }
  }

  @Test
  void extranonceSubscribe() throws Exception {
    assertThat(decode("{\"id\": 3, \"method\": \"mining.extranonce.subscribe\", \"params\": []}"))
        .isEqualTo(new MiningExtranonceSubscribe(StratumId.of(3)));
    assertThat(decode("{\"id\":4,\"method\":\"mining.extranonce.subscribe\"}"))
        .isEqualTo(new MiningExtranonceSubscribe(StratumId.of(4)));
  }

  // ---- submit

  @Test
  void cgminerSubmitWithParamsFirst() throws Exception {
    assertThat(
            decode(
                "{\"params\": [\"farm.rig1\", \"6a1f\", \"00000000\", \"647025b5\", \"0a029ed1\"],"
                    + " \"id\": 4, \"method\": \"mining.submit\"}"))
        .isEqualTo(
            new MiningSubmit(
                StratumId.of(4), "farm.rig1", "6a1f", "00000000", "647025b5", "0a029ed1", null));
  }

  @Test
  void asicSubmitWithVersionBits() throws Exception {
    assertThat(
            decode(
                "{\"params\": [\"farm.s19\", \"6a1f\", \"00000001\", \"647025B6\", \"2F1C0A3B\","
                    + " \"00A8A000\"], \"id\": 117, \"method\": \"mining.submit\"}\r".strip()))
        .isEqualTo(
            new MiningSubmit(
                StratumId.of(117),
                "farm.s19",
                "6a1f",
                "00000001",
                "647025b6",
                "2f1c0a3b",
                "00a8a000"));
  }

  @Test
  void shortVersionBitsArePaddedAndBlankOnesIgnored() throws Exception {
    MiningSubmit padded =
        (MiningSubmit)
            decode(
                "{\"id\":9,\"method\":\"mining.submit\",\"params\":[\"w\",\"1\",\"00\",\"647025b5\","
                    + "\"0a029ed1\",\"a000\"]}");
    assertThat(padded.versionBits()).isEqualTo("0000a000");
    MiningSubmit blank =
        (MiningSubmit)
            decode(
                "{\"id\":9,\"method\":\"mining.submit\",\"params\":[\"w\",\"1\",\"00\",\"647025b5\","
                    + "\"0a029ed1\",\"\"]}");
    assertThat(blank.versionBits()).isNull();
  }

  @Test
  void numericJobIdsAndStringIdsAreTolerated() throws Exception {
    MiningSubmit s =
        (MiningSubmit)
            decode(
                "{\"id\":\"7\",\"method\":\"mining.submit\",\"params\":[\"w\",42,\"00ff\","
                    + "\"647025b5\",\"0a029ed1\"]}");
    assertThat(s.id()).isEqualTo(StratumId.of("7"));
    assertThat(s.jobId()).isEqualTo("42");
  }

  @Test
  void submitIsStrictAboutShareFields() {
    String prefix = "{\"id\":4,\"method\":\"mining.submit\",\"params\":[\"w\",\"6a1f\",";
    String[][] cases = {
      {"\"00000000\",\"647025b5\",\"0a029ed\"]}", "nonce"},
      {"\"00000000\",\"647025b5\",\"0a029ed1x\"]}", "nonce"},
      {"\"00000000\",\"647025b5\",\"0a029edg\"]}", "nonce"},
      {"\"00000000\",\"647025b5\",1234567890]}", "nonce"},
      {"\"00000000\",\"647025b\",\"0a029ed1\"]}", "ntime"},
      {"\"0000000\",\"647025b5\",\"0a029ed1\"]}", "extranonce2"},
      {"\"\",\"647025b5\",\"0a029ed1\"]}", "extranonce2"},
      {"\"00000000\",\"647025b5\"]}", "nonce"},
      {"\"00000000\",\"647025b5\",\"0a029ed1\",\"123456789\"]}", "versionBits"},
      {"\"00000000\",\"647025b5\",\"0a029ed1\",\"zz\"]}", "versionBits"}
    };
    for (String[] c : cases) {
      StratumProtocolException e = rejected(prefix + c[0]);
      assertThat(e.kind()).as(c[0]).isEqualTo(StratumProtocolException.Kind.BAD_PARAMS);
      assertThat(e.getMessage()).as(c[0]).contains(c[1]);
      assertThat(e.id()).isEqualTo(StratumId.of(4));
      assertThat(e.toErrorResponse())
          .isEqualTo(
              new StratumResponse(
                  StratumId.of(4), null, new StratumError(20, e.getMessage()), null));
    }
    assertThat(
            rejected(
                    "{\"id\":4,\"method\":\"mining.submit\",\"params\":[\"\",\"6a1f\",\"00\","
                        + "\"647025b5\",\"0a029ed1\"]}")
                .getMessage())
        .contains("worker");
  }

  // ---- other methods and responses from a client

  @Test
  void unknownMethodsAreKeptForAnErrorReply() throws Exception {
    assertThat(decode("{\"id\":7,\"method\":\"mining.get_transactions\",\"params\":[\"6a1f\"]}"))
        .isEqualTo(new UnknownMethod(StratumId.of(7), "mining.get_transactions", List.of("6a1f")));
    assertThat(decode("{\"id\":3,\"method\":\"mining.multi_version\",\"params\":[1]}"))
        .isEqualTo(new UnknownMethod(StratumId.of(3), "mining.multi_version", List.of(1L)));
    UnknownMethod capabilities =
        (UnknownMethod)
            decode(
                "{\"id\":null,\"method\":\"mining.capabilities\",\"params\":[{\"notify\":[],"
                    + "\"set_difficulty\":{},\"set_goal\":[],\"suggested_target\":\"0000000000"
                    + "0000000000000000000000000000000000000000000000ffff0000\"}]}");
    assertThat(capabilities.id().isNull()).isTrue();
    assertThat(capabilities.params().get(0)).isInstanceOf(Map.class);
    // a server message coming from a client is just an unknown request here
    assertThat(codec.decodeFromClient(StratumSamples.NOTIFY_LINE))
        .isInstanceOf(UnknownMethod.class);
  }

  @Test
  void clientAnsweringGetVersion() throws Exception {
    assertThat(decode("{\"id\":99,\"result\":\"cgminer/4.12.1\",\"error\":null}"))
        .isEqualTo(StratumResponse.ok(StratumId.of(99), "cgminer/4.12.1"));
  }

  @Test
  void idsKeepTheirJsonType() throws Exception {
    assertThat(
            ((MiningExtranonceSubscribe)
                    decode("{\"id\":1.5,\"method\":\"mining.extranonce.subscribe\"}"))
                .id())
        .isEqualTo(new StratumId(new BigDecimal("1.5")));
    assertThat(
            ((MiningExtranonceSubscribe)
                    decode(
                        "{\"id\":123456789012345678901234567890,\"method\":\"mining.extranonce.subscribe\"}"))
                .id()
                .value())
        .isEqualTo(new java.math.BigInteger("123456789012345678901234567890"));
    assertThat(StratumId.of(1)).isNotEqualTo(StratumId.of("1"));
  }

  // ---- malformed lines

  @Test
  void malformedLines() {
    Object[][] cases = {
      {"", StratumProtocolException.Kind.BAD_JSON},
      {"   ", StratumProtocolException.Kind.BAD_JSON},
      {"hello", StratumProtocolException.Kind.BAD_JSON},
      {"{\"id\":1,\"method\":\"mining.subscribe\"", StratumProtocolException.Kind.BAD_JSON},
      {
        "{\"id\":1,\"method\":\"mining.subscribe\"} trailing",
        StratumProtocolException.Kind.BAD_JSON
      },
      {"[{\"id\":1,\"method\":\"mining.subscribe\"}]", StratumProtocolException.Kind.BAD_JSON},
      {"\"mining.subscribe\"", StratumProtocolException.Kind.BAD_JSON},
      {"{\"id\":1}", StratumProtocolException.Kind.NOT_A_MESSAGE},
      {
        "{\"id\":{\"x\":1},\"method\":\"mining.subscribe\"}",
        StratumProtocolException.Kind.NOT_A_MESSAGE
      },
      {"{\"id\":[1],\"method\":\"mining.subscribe\"}", StratumProtocolException.Kind.NOT_A_MESSAGE},
      {"{\"id\":1,\"method\":42}", StratumProtocolException.Kind.NOT_A_MESSAGE},
      {"{\"id\":1,\"method\":\"  \"}", StratumProtocolException.Kind.NOT_A_MESSAGE},
      {
        "{\"id\":1,\"method\":\"mining.subscribe\",\"params\":"
            + "[".repeat(50)
            + "]".repeat(50)
            + "}",
        StratumProtocolException.Kind.BAD_JSON
      },
    };
    for (Object[] c : cases) {
      assertThat(rejected((String) c[0]).kind()).as((String) c[0]).isEqualTo(c[1]);
    }
    assertThat(rejected("{\"id\":1}").id()).isEqualTo(StratumId.of(1));
  }

  @Test
  void overlongLinesAreRefusedBeforeParsing() {
    StratumCodec small = new StratumCodec(256);
    String line =
        "{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"" + "a".repeat(300) + "\"]}";
    StratumProtocolException e =
        catchThrowableOfType(StratumProtocolException.class, () -> small.decodeFromClient(line));
    assertThat(e.kind()).isEqualTo(StratumProtocolException.Kind.LINE_TOO_LONG);
    assertThat(e.toErrorResponse().error().code()).isEqualTo(20);
  }
}
