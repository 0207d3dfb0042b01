package io.otedama.protocol.stratum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What real pools send, decoded by the client side, and what our server writes. */
class StratumCodecServerLinesTest {
  private final StratumCodec codec = new StratumCodec();

  private ServerMessage decode(String line) throws StratumProtocolException {
    return codec.decodeFromServer(line);
  }

  @Test
  void notifyOfTheReferenceJob() throws Exception {
    assertThat(decode(StratumSamples.NOTIFY_LINE)).isEqualTo(StratumSamples.NOTIFY);
  }

  @Test
  void notifyParamsOnTheirOwn() throws Exception {
    String line = StratumSamples.NOTIFY_LINE;
    String params =
        line.substring(line.indexOf('['), line.lastIndexOf(']', line.indexOf("\"id\"")) + 1);
    assertThat(codec.decodeNotifyParams(params)).isEqualTo(StratumSamples.NOTIFY);
    for (String bad : new String[] {"", "{}", "[1,2]", "[", null}) {
      assertThat(
              catchThrowableOfType(
                  StratumProtocolException.class, () -> codec.decodeNotifyParams(bad)))
          .as(String.valueOf(bad))
          .isNotNull();
    }
  }

  @Test
  void notifyQuirks() throws Exception {
    String upper =
        StratumSamples.NOTIFY_LINE
            .replace("1705ae3a", "1705AE3A")
            .replace(", true]", ", \"true\"]");
    assertThat(decode(upper)).isEqualTo(StratumSamples.NOTIFY);
    String numericJob = StratumSamples.NOTIFY_LINE.replace("[\"6a1f\"", "[27194");
    assertThat(((MiningNotify) decode(numericJob)).jobId()).isEqualTo("27194");
    String extraParam = StratumSamples.NOTIFY_LINE.replace(", true]", ", false, \"extra\"]");
    assertThat(((MiningNotify) decode(extraParam)).cleanJobs()).isFalse();
  }

  @Test
  void notifyIsStrict() {
    for (String broken :
        new String[] {
          StratumSamples.NOTIFY_LINE.replace("\"1705ae3a\"", "\"1705ae3\""),
          StratumSamples.NOTIFY_LINE.replace(", true]", "]"),
          StratumSamples.NOTIFY_LINE.replace(StratumSamples.PREVHASH, "00"),
          StratumSamples.NOTIFY_LINE.replace(StratumSamples.BRANCH.get(3), "zz"),
          StratumSamples.NOTIFY_LINE.replace(", true]", ", \"maybe\"]"),
        }) {
      StratumProtocolException e =
          catchThrowableOfType(StratumProtocolException.class, () -> decode(broken));
      assertThat(e).isNotNull();
      assertThat(e.kind()).isEqualTo(StratumProtocolException.Kind.BAD_PARAMS);
      assertThat(e.getMessage()).startsWith("mining.notify: param");
    }
  }

  @Test
  void setDifficultyWholeFractionalAndString() throws Exception {
    assertThat(decode("{\"id\":null,\"method\":\"mining.set_difficulty\",\"params\":[683]}"))
        .isEqualTo(new MiningSetDifficulty(683));
    assertThat(
            decode("{\"id\": null, \"method\": \"mining.set_difficulty\", \"params\": [0.0005]}"))
        .isEqualTo(new MiningSetDifficulty(0.0005));
    assertThat(decode("{\"method\":\"mining.set_difficulty\",\"params\":[\"65536\"]}"))
        .isEqualTo(new MiningSetDifficulty(65536));
  }

  @Test
  void setExtranonceAndVersionMask() throws Exception {
    assertThat(
            decode(
                "{\"id\":null,\"method\":\"mining.set_extranonce\",\"params\":[\"F8002C90\",4]}"))
        .isEqualTo(new MiningSetExtranonce("f8002c90", 4));
    assertThat(
            decode(
                "{\"id\":null,\"method\":\"mining.set_version_mask\",\"params\":[\"1fffe000\"]}"))
        .isEqualTo(new MiningSetVersionMask("1fffe000"));
    assertThat(decode("{\"id\":null,\"method\":\"mining.set_version_mask\",\"params\":[\"e000\"]}"))
        .isEqualTo(new MiningSetVersionMask("0000e000"));
  }

  @Test
  void otherServerMethodsAreUnknownButReadable() throws Exception {
    assertThat(
            decode(
                "{\"id\":null,\"method\":\"client.reconnect\",\"params\":[\"pool.example\",3333,0]}"))
        .isEqualTo(
            new UnknownMethod(
                StratumId.NULL, "client.reconnect", List.of("pool.example", 3333L, 0L)));
    assertThat(decode("{\"id\":12,\"method\":\"client.get_version\",\"params\":[]}"))
        .isEqualTo(new UnknownMethod(StratumId.of(12), "client.get_version", List.of()));
  }

  // ---- responses

  @Test
  void subscribeResponses() throws Exception {
    SubscribeResult standard =
        SubscribeResult.from(
            (StratumResponse)
                decode(
                    "{\"id\":1,\"result\":[[[\"mining.set_difficulty\",\"deadbeef\"],"
                        + "[\"mining.notify\",\"deadbeef\"]],\"01000000\",4],\"error\":null}"));
    assertThat(standard).isEqualTo(SubscribeResult.standard("deadbeef", "01000000", 4));

    SubscribeResult ckpool =
        SubscribeResult.from(
            (StratumResponse)
                decode(
                    "{\"result\": [[[\"mining.notify\", \"5fa8bf8a\"]], \"5FA8BF8A\", 8], \"id\": 0,"
                        + " \"error\": null}"));
    assertThat(ckpool.extranonce1()).isEqualTo("5fa8bf8a");
    assertThat(ckpool.extranonce2Size()).isEqualTo(8);
    assertThat(ckpool.subscriptions()).hasSize(1);

    SubscribeResult flatPair =
        SubscribeResult.from(
            (StratumResponse)
                decode(
                    "{\"id\":1,\"result\":[[\"mining.notify\",\"ae6812eb4cd7735a302a8a9dd95cf71f\"],"
                        + "\"08000002\",4],\"error\":null}"));
    assertThat(flatPair.subscriptions())
        .containsExactly(
            new SubscribeResult.Subscription("mining.notify", "ae6812eb4cd7735a302a8a9dd95cf71f"));

    SubscribeResult nullDetails =
        SubscribeResult.from(
            (StratumResponse) decode("{\"id\":1,\"result\":[null,\"08000002\",4],\"error\":null}"));
    assertThat(nullDetails.subscriptions()).isEmpty();

    for (String bad :
        new String[] {
          "{\"id\":1,\"result\":[null,\"0800000\",4],\"error\":null}",
          "{\"id\":1,\"result\":[null,\"08000002\"],\"error\":null}",
          "{\"id\":1,\"result\":[null,\"08000002\",\"4\"],\"error\":null}",
          "{\"id\":1,\"result\":true,\"error\":null}",
          "{\"id\":1,\"result\":null,\"error\":[20,\"busy\",null]}"
        }) {
      StratumProtocolException e =
          catchThrowableOfType(
              StratumProtocolException.class,
              () -> SubscribeResult.from((StratumResponse) decode(bad)));
      assertThat(e).as(bad).isNotNull();
    }
  }

  @Test
  void authorizeAndSubmitAnswers() throws Exception {
    StratumResponse yes = (StratumResponse) decode("{\"id\":2,\"result\":true,\"error\":null}");
    assertThat(yes.isTrue()).isTrue();
    StratumResponse no = (StratumResponse) decode("{\"id\":2,\"result\":false,\"error\":null}");
    assertThat(no.isTrue()).isFalse();
  }

  @Test
  void errorShapesPoolsSend() throws Exception {
    assertThat(decode("{\"id\":4,\"result\":null,\"error\":[21,\"Job not found\",null]}"))
        .isEqualTo(StratumResponse.error(StratumId.of(4), StratumErrorCode.JOB_NOT_FOUND));
    StratumResponse lowDiff =
        (StratumResponse)
            decode("{\"id\":5,\"result\":false,\"error\":[23,\"Low difficulty share\",null]}");
    assertThat(lowDiff.error().knownCode()).contains(StratumErrorCode.LOW_DIFFICULTY_SHARE);
    assertThat(lowDiff.isTrue()).isFalse();
    StratumResponse objectForm =
        (StratumResponse)
            decode(
                "{\"id\":6,\"result\":null,\"error\":{\"code\":22,\"message\":\"Duplicate share\"}}");
    assertThat(objectForm.error()).isEqualTo(StratumError.of(StratumErrorCode.DUPLICATE_SHARE));
    StratumResponse rejectReason =
        (StratumResponse)
            decode("{\"id\":4,\"result\":false,\"error\":null,\"reject-reason\":\"Stale\"}");
    assertThat(rejectReason.rejectReason()).isEqualTo("Stale");
    assertThat(rejectReason.error()).isNull();
    StratumResponse stringError =
        (StratumResponse) decode("{\"id\":7,\"error\":\"Unauthorized worker\",\"result\":null}");
    assertThat(stringError.error()).isEqualTo(new StratumError(20, "Unauthorized worker"));
    StratumResponse stringCode =
        (StratumResponse)
            decode("{\"id\":8,\"result\":null,\"error\":[\"24\",\"Unauthorized worker\"]}");
    assertThat(stringCode.error().knownCode()).contains(StratumErrorCode.UNAUTHORIZED_WORKER);
    StratumResponse notSubscribed =
        (StratumResponse)
            decode("{\"id\":9,\"result\":null,\"error\":[25,\"Not subscribed\",null]}");
    assertThat(notSubscribed.error().knownCode()).contains(StratumErrorCode.NOT_SUBSCRIBED);
  }

  @Test
  void configureResponse() throws Exception {
    ConfigureResult granted =
        ConfigureResult.from(
            (StratumResponse)
                decode(
                    "{\"id\":1,\"result\":{\"version-rolling\":true,\"version-rolling.mask\":"
                        + "\"1FFFE000\"},\"error\":null}"));
    assertThat(granted.versionRollingGranted()).isTrue();
    assertThat(granted.versionRollingMask()).isEqualTo("1fffe000");
    ConfigureResult refused =
        ConfigureResult.from(
            (StratumResponse)
                decode("{\"id\":1,\"result\":{\"version-rolling\":false},\"error\":null}"));
    assertThat(refused.versionRollingGranted()).isFalse();
    assertThat(refused.versionRollingMask()).isNull();
    assertThat(
            catchThrowableOfType(
                StratumProtocolException.class,
                () ->
                    ConfigureResult.from(
                        (StratumResponse)
                            decode(
                                "{\"id\":1,\"result\":null,\"error\":[20,\"Unsupported\",null]}"))))
        .isNotNull()
        .extracting(StratumProtocolException::kind)
        .isEqualTo(StratumProtocolException.Kind.ERROR_RESPONSE);
  }

  // ---- exact wire form of what our server writes

  @Test
  void serverWritesTheCustomaryShapes() {
    assertThat(codec.encode(new MiningSetDifficulty(683)))
        .isEqualTo("{\"id\":null,\"method\":\"mining.set_difficulty\",\"params\":[683]}\n");
    assertThat(codec.encode(new MiningSetDifficulty(0.0005)))
        .isEqualTo("{\"id\":null,\"method\":\"mining.set_difficulty\",\"params\":[5.0E-4]}\n");
    assertThat(codec.encode(StratumResponse.accepted(StratumId.of(4))))
        .isEqualTo("{\"id\":4,\"result\":true,\"error\":null}\n");
    assertThat(
            codec.encode(
                StratumResponse.error(StratumId.of("a"), StratumErrorCode.DUPLICATE_SHARE)))
        .isEqualTo("{\"id\":\"a\",\"result\":null,\"error\":[22,\"Duplicate share\",null]}\n");
    assertThat(
            codec.encode(SubscribeResult.standard("1", "01000000", 4).toResponse(StratumId.of(0))))
        .isEqualTo(
            "{\"id\":0,\"result\":[[[\"mining.set_difficulty\",\"1\"],[\"mining.notify\",\"1\"]],"
                + "\"01000000\",4],\"error\":null}\n");
    assertThat(codec.encode(ConfigureResult.versionRolling("1fffe000").toResponse(StratumId.of(1))))
        .isEqualTo(
            "{\"id\":1,\"result\":{\"version-rolling\":true,\"version-rolling.mask\":\"1fffe000\"},"
                + "\"error\":null}\n");
    assertThat(codec.encode(new MiningSetExtranonce("f8002c90", 4)))
        .isEqualTo(
            "{\"id\":null,\"method\":\"mining.set_extranonce\",\"params\":[\"f8002c90\",4]}\n");
    assertThat(codec.encode(new MiningSetVersionMask("1fffe000")))
        .isEqualTo(
            "{\"id\":null,\"method\":\"mining.set_version_mask\",\"params\":[\"1fffe000\"]}\n");
    String notify = codec.encode(StratumSamples.NOTIFY);
    assertThat(notify)
        .startsWith("{\"id\":null,\"method\":\"mining.notify\",\"params\":[\"6a1f\",\"0c859545")
        .endsWith("\"20000004\",\"1705ae3a\",\"647025b5\",true]}\n")
        .containsOnlyOnce("\n");
  }

  @Test
  void clientWritesTheCustomaryShapes() {
    assertThat(codec.encode(new MiningSubscribe(StratumId.of(1), "otedama/0.1", null)))
        .isEqualTo("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"otedama/0.1\"]}\n");
    assertThat(codec.encode(new MiningSubscribe(StratumId.of(1), null, null)))
        .isEqualTo("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}\n");
    assertThat(codec.encode(new MiningAuthorize(StratumId.of(2), "farm.w1", null)))
        .isEqualTo("{\"id\":2,\"method\":\"mining.authorize\",\"params\":[\"farm.w1\",\"\"]}\n");
    assertThat(
            codec.encode(
                new MiningSubmit(
                    StratumId.of(4),
                    "farm.w1",
                    "6a1f",
                    "00000000",
                    "647025b5",
                    "0a029ed1",
                    "00a8a000")))
        .isEqualTo(
            "{\"id\":4,\"method\":\"mining.submit\",\"params\":[\"farm.w1\",\"6a1f\",\"00000000\","
                + "\"647025b5\",\"0a029ed1\",\"00a8a000\"]}\n");
    assertThat(
            codec.encode(
                new MiningConfigure(
                    StratumId.of(1),
                    List.of("version-rolling"),
                    Map.of("version-rolling.mask", "1fffe000"),
                    "1fffe000",
                    null,
                    null)))
        .isEqualTo(
            "{\"id\":1,\"method\":\"mining.configure\",\"params\":[[\"version-rolling\"],"
                + "{\"version-rolling.mask\":\"1fffe000\"}]}\n");
    assertThat(codec.encode(new MiningSuggestDifficulty(StratumId.of(3), 0.01)))
        .isEqualTo("{\"id\":3,\"method\":\"mining.suggest_difficulty\",\"params\":[0.01]}\n");
    assertThat(codec.encode(new MiningExtranonceSubscribe(StratumId.of(5))))
        .isEqualTo("{\"id\":5,\"method\":\"mining.extranonce.subscribe\",\"params\":[]}\n");
  }

  @Test
  void everyMessageRoundTrips() throws Exception {
    List<ServerMessage> fromServer =
        List.of(
            StratumSamples.NOTIFY,
            new MiningSetDifficulty(0.001),
            new MiningSetDifficulty(1e12),
            new MiningSetExtranonce("", 8),
            new MiningSetVersionMask("1fffe000"),
            new UnknownMethod(
                StratumId.NULL, "client.show_message", List.of("maintenance \"soon\"")),
            StratumResponse.accepted(StratumId.of(1)),
            StratumResponse.error(StratumId.of("x"), StratumErrorCode.LOW_DIFFICULTY_SHARE),
            SubscribeResult.standard("s1", "01000000", 4).toResponse(StratumId.of(0)));
    for (ServerMessage m : fromServer) {
      assertThat(codec.decodeFromServer(codec.encode(m).strip())).isEqualTo(m);
    }
    List<ClientMessage> fromClient =
        List.of(
            new MiningSubscribe(StratumId.of(1), "cgminer/4.12.1", "01000000"),
            new MiningSubscribe(StratumId.NULL, null, "01000000"),
            new MiningAuthorize(StratumId.of("a"), "farm.w1", "d=0.5"),
            new MiningConfigure(
                StratumId.of(1),
                List.of("version-rolling"),
                Map.of("version-rolling.mask", "1fffe000", "version-rolling.min-bit-count", 2L),
                "1fffe000",
                2,
                null),
            new MiningSuggestDifficulty(StratumId.of(3), 1024),
            new MiningExtranonceSubscribe(StratumId.of(4)),
            new MiningSubmit(StratumId.of(5), "w", "j", "00ff", "647025b5", "0a029ed1", null),
            new MiningSubmit(StratumId.of(6), "w", "j", "00ff", "647025b5", "0a029ed1", "00a8a000"),
            new UnknownMethod(StratumId.of(7), "mining.get_transactions", List.of("j")),
            StratumResponse.ok(StratumId.of(8), "cgminer/4.12.1"));
    for (ClientMessage m : fromClient) {
      assertThat(codec.decodeFromClient(codec.encode(m).strip())).isEqualTo(m);
    }
  }

  @Test
  void errorCodesOfTheContract() {
    assertThat(StratumErrorCode.OTHER.code()).isEqualTo(20);
    assertThat(StratumErrorCode.JOB_NOT_FOUND.code()).isEqualTo(21);
    assertThat(StratumErrorCode.DUPLICATE_SHARE.code()).isEqualTo(22);
    assertThat(StratumErrorCode.LOW_DIFFICULTY_SHARE.code()).isEqualTo(23);
    assertThat(StratumErrorCode.UNAUTHORIZED_WORKER.code()).isEqualTo(24);
    assertThat(StratumErrorCode.NOT_SUBSCRIBED.code()).isEqualTo(25);
    assertThat(StratumErrorCode.fromCode(26)).isEmpty();
  }
}
