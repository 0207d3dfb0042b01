package io.otedama.protocol.codec;

import static io.otedama.protocol.codec.SampleMessages.CLOCK;
import static io.otedama.protocol.codec.SampleMessages.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.otedama.protocol.message.CommandMessage;
import io.otedama.protocol.message.CommandStatus;
import io.otedama.protocol.message.RigMessage;
import io.otedama.protocol.message.RigState;
import io.otedama.protocol.message.ShareBatchMessage;
import io.otedama.protocol.message.StatusMessage;
import io.otedama.protocol.message.TelemetryMessage;
import io.otedama.protocol.message.WorkAssignmentMessage;
import io.otedama.protocol.topic.TopicKind;
import io.otedama.protocol.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessageCodecTest {
  private final MessageCodec codec = new MessageCodec(CLOCK);

  /** JSON written with single quotes for readability. */
  static byte[] json(String singleQuoted) {
    return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
  }

  static final String TELEMETRY =
      "{'v':1,'ts':"
          + (NOW - 1000)
          + ",'hashrateHs':1.1e14,'temperatureC':78.5,'fanRpm':5400,'powerW':3250,"
          + "'accepted':12345,'rejected':17,'uptimeS':86400,"
          + "'devices':[{'id':'asic0','kind':'asic','hashrateHs':1.1e14,'temperatureC':78.5,"
          + "'fanRpm':5400,'powerW':3250,'accepted':12345,'rejected':17,'status':'mining'},"
          + "{'id':'cpu0','kind':'cpu','hashrateHs':0,'accepted':0,'rejected':0,'status':'idle'}],"
          + "'host':{'load1':0.42,'memoryTotalBytes':8000000000,'memoryAvailableBytes':6500000000}}";

  private MessageRejectedException rejectTelemetry(String singleQuoted) {
    return rejected(TopicKind.TELEMETRY, json(singleQuoted));
  }

  private MessageRejectedException rejected(TopicKind kind, byte[] payload) {
    MessageRejectedException e =
        catchThrowableOfType(MessageRejectedException.class, () -> codec.decode(kind, payload));
    assertThat(e).as("expected a rejection").isNotNull();
    assertThat(e.getMessage()).doesNotContain("\n").isNotBlank();
    return e;
  }

  // ---- round trips and the documented shapes

  @ParameterizedTest
  @EnumSource(TopicKind.class)
  void everyMessageRoundTrips(TopicKind kind) throws Exception {
    RigMessage message = SampleMessages.all().get(kind);
    byte[] bytes = codec.encode(message);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("{\"v\":1,\"ts\":");
    assertThat(codec.decode(kind, bytes)).isEqualTo(message);
  }

  @Test
  void decodesByTopic() throws Exception {
    byte[] bytes = codec.encode(SampleMessages.status());
    ReceivedMessage received = codec.decode(Topics.topic("rig-1", TopicKind.STATUS), bytes);
    assertThat(received.rigId()).isEqualTo("rig-1");
    assertThat(received.topic().kind()).isEqualTo(TopicKind.STATUS);
    assertThat(received.message()).isEqualTo(SampleMessages.status());
  }

  @Test
  void decodesAHandWrittenTelemetryPayload() throws Exception {
    TelemetryMessage t = codec.decodeTelemetry(json(TELEMETRY));
    assertThat(t.v()).isEqualTo(1);
    assertThat(t.ts()).isEqualTo(NOW - 1000);
    assertThat(t.hashrateHs()).isEqualTo(1.1e14);
    assertThat(t.temperatureC()).isEqualTo(78.5);
    assertThat(t.powerW()).isEqualTo(3250.0);
    assertThat(t.devices()).hasSize(2);
    assertThat(t.devices().get(1).temperatureC()).isNull();
    assertThat(t.devices().get(1).status()).isEqualTo("idle");
    assertThat(t.host().memoryTotalBytes()).isEqualTo(8_000_000_000L);
  }

  @Test
  void nullsAreLeftOutWhenEncoding() {
    String text = new String(codec.encode(SampleMessages.telemetry()), StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("null");
    String cpuDevice = text.substring(text.indexOf("\"id\":\"cpu0\""));
    assertThat(cpuDevice).doesNotContain("temperatureC");
  }

  @Test
  void partsOfMessagesAsJsonText() {
    assertThat(codec.toJsonText(SampleMessages.telemetry().devices().get(1)))
        .isEqualTo(
            "{\"id\":\"cpu0\",\"kind\":\"cpu\",\"hashrateHs\":0.0,\"accepted\":0,\"rejected\":0,"
                + "\"status\":\"idle\"}");
    assertThat(codec.toJsonText(List.of())).isEqualTo("[]");
  }

  @Test
  void lastWillPayloadIsSmallAndValid() throws Exception {
    StatusMessage will = new StatusMessage(NOW, RigState.OFFLINE, null, null);
    byte[] bytes = codec.encode(will);
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo("{\"v\":1,\"ts\":" + NOW + ",\"state\":\"offline\"}");
    assertThat(codec.decodeStatus(bytes)).isEqualTo(will);
  }

  @Test
  void unknownFieldsAreIgnoredAtEveryLevel() throws Exception {
    String withExtras =
        TELEMETRY
            .replace("{'v':1,", "{'v':1,'futureField':{'a':[1,2,{'b':null}]},")
            .replace("'status':'idle'}", "'status':'idle','voltageMv':880}")
            .replace("'load1':0.42", "'load1':0.42,'load5':0.4");
    assertThat(codec.decodeTelemetry(json(withExtras)))
        .isEqualTo(codec.decodeTelemetry(json(TELEMETRY)));

    String work =
        new String(codec.encode(SampleMessages.work()), StandardCharsets.UTF_8)
            .replace("\"cleanJobs\":true", "\"cleanJobs\":true,\"height\":840000")
            .replace("\"source\":\"local\"", "\"source\":\"local\",\"poolUrl\":\"x\"");
    assertThat(codec.decodeWork(work.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(SampleMessages.work());
  }

  @Test
  void hexIsNormalisedToLowerCase() throws Exception {
    String text =
        new String(codec.encode(SampleMessages.shares()), StandardCharsets.UTF_8)
            .replace("0a029ed1", "0A029ED1")
            .replace("00a8a000", "00A8A000");
    ShareBatchMessage batch = codec.decodeShareBatch(text.getBytes(StandardCharsets.UTF_8));
    assertThat(batch).isEqualTo(SampleMessages.shares());
    assertThat(batch.shares().get(0).nonce()).isEqualTo("0a029ed1");
  }

  @Test
  void wholeNumbersMayBeWrittenWithAFraction() throws Exception {
    TelemetryMessage t =
        codec.decodeTelemetry(json(TELEMETRY.replace("'accepted':12345,", "'accepted':12345.0,")));
    assertThat(t.accepted()).isEqualTo(12345);
  }

  @Test
  void commandArgsBecomePlainJavaValues() throws Exception {
    byte[] bytes =
        json(
            "{'v':1,'ts':"
                + NOW
                + ",'id':'c1','type':'set-pool','issuedAt':"
                + NOW
                + ",'expiresAt':"
                + (NOW + 1)
                + ",'args':{'pools':[{'url':'stratum+tcp://p:3333','user':'a.b','password':null}],"
                + "'n':2,'x':1.5,'ok':false,'gone':null}}");
    CommandMessage command = codec.decodeCommand(bytes);
    assertThat(command.args())
        .containsEntry("n", 2L)
        .containsEntry("x", 1.5)
        .containsEntry("ok", false)
        .doesNotContainKey("gone");
    assertThat(command.args().get("pools"))
        .isEqualTo(List.of(Map.of("url", "stratum+tcp://p:3333", "user", "a.b")));

    byte[] noArgs =
        json(
            "{'v':1,'ts':"
                + NOW
                + ",'id':'c2','type':'reboot','issuedAt':"
                + NOW
                + ",'expiresAt':"
                + NOW
                + "}");
    assertThat(codec.decodeCommand(noArgs).args()).isEmpty();
  }

  @Test
  void commandResultStatusesUseTheirWireNames() throws Exception {
    for (CommandStatus status : CommandStatus.values()) {
      byte[] bytes =
          json("{'v':1,'ts':" + NOW + ",'id':'c1','status':'" + status.wireName() + "'}");
      assertThat(codec.decodeCommandResult(bytes).status()).isEqualTo(status);
    }
  }

  // ---- too_large

  @Test
  void tooLargeIsCheckedBeforeParsing() {
    byte[] garbage = new byte[MessageLimits.MAX_PAYLOAD_BYTES + 1]; // NULs: not JSON at all
    MessageRejectedException e = rejected(TopicKind.TELEMETRY, garbage);
    assertThat(e.reason()).isEqualTo(RejectReason.TOO_LARGE);
    assertThat(e.getMessage()).contains("65537 bytes").contains("65536");
  }

  @Test
  void exactlyTheLimitIsAccepted() throws Exception {
    byte[] base = json(TELEMETRY);
    byte[] padded = new byte[MessageLimits.MAX_PAYLOAD_BYTES];
    System.arraycopy(base, 0, padded, 0, base.length);
    java.util.Arrays.fill(padded, base.length, padded.length, (byte) ' ');
    assertThat(codec.decodeTelemetry(padded).accepted()).isEqualTo(12345);
  }

  // ---- bad_json

  @Test
  void badJson() {
    for (String text :
        new String[] {
          "",
          "   ",
          "not json",
          "[1,2,3]",
          "\"string\"",
          "42",
          "null",
          "{'v':1",
          "{'v':1,'ts':1} {'v':1}",
          "{'v':1,'ts':1}x",
          "{'v':1,'ts':NaN}",
          "{v:1}",
          "{'v':1,'ts':1,'x':" + "[".repeat(40) + "]".repeat(40) + "}"
        }) {
      assertThat(rejectTelemetry(text).reason()).as(text).isEqualTo(RejectReason.BAD_JSON);
    }
    assertThat(rejected(TopicKind.TELEMETRY, null).reason()).isEqualTo(RejectReason.BAD_JSON);
    byte[] invalidUtf8 = {'{', '"', 'v', '"', ':', '1', ',', '"', (byte) 0xff, '"', ':', '1', '}'};
    assertThat(rejected(TopicKind.TELEMETRY, invalidUtf8).reason())
        .isEqualTo(RejectReason.BAD_JSON);
  }

  @Test
  void aRepeatedKeyCountsOnceTheLastTime() throws Exception {
    String twice = TELEMETRY.replace("'accepted':12345,", "'accepted':-5,'accepted':12345,");
    assertThat(codec.decodeTelemetry(json(twice)).accepted()).isEqualTo(12345);
    assertThat(codec.decodeTelemetryViaTree(json(twice)).accepted()).isEqualTo(12345);
    String status = "{'v':1,'ts':1,'state':'online','state':'offline'}";
    assertThat(codec.decodeStatus(json(status)).state()).isEqualTo(RigState.OFFLINE);
  }

  // ---- bad_version

  @Test
  void badVersion() {
    for (String v : new String[] {"2", "0", "-1", "'1'", "1.5", "true", "[1]", "99999999999"}) {
      MessageRejectedException e = rejectTelemetry(TELEMETRY.replace("'v':1", "'v':" + v));
      assertThat(e.reason()).as(v).isEqualTo(RejectReason.BAD_VERSION);
      assertThat(e.field()).isEqualTo("v");
      assertThat(e.getMessage()).contains("version 1");
    }
  }

  @Test
  void versionIsCheckedBeforeOtherFields() {
    assertThat(rejectTelemetry("{'v':2}").reason()).isEqualTo(RejectReason.BAD_VERSION);
  }

  // ---- missing_field

  @Test
  void missingFields() {
    assertMissing(TELEMETRY.replace("'v':1,", ""), "v");
    assertMissing(TELEMETRY.replace("'ts':" + (NOW - 1000) + ",", ""), "ts");
    assertMissing(
        TELEMETRY.replace("'hashrateHs':1.1e14,'temperatureC'", "'temperatureC'"), "hashrateHs");
    assertMissing(TELEMETRY.replace("'uptimeS':86400,", "'uptimeS':null,"), "uptimeS");
    assertMissing(TELEMETRY.replace("{'id':'cpu0',", "{"), "devices[1].id");
    assertMissing(TELEMETRY.replace("'status':'idle'", "'status':null"), "devices[1].status");

    String work = new String(codec.encode(SampleMessages.work()), StandardCharsets.UTF_8);
    String noPrevhash = work.replaceAll("\"prevhash\":\"[0-9a-f]+\",", "");
    MessageRejectedException e =
        rejected(TopicKind.WORK, noPrevhash.getBytes(StandardCharsets.UTF_8));
    assertThat(e.reason()).isEqualTo(RejectReason.MISSING_FIELD);
    assertThat(e.field()).isEqualTo("job.prevhash");
    assertThat(e.getMessage()).isEqualTo("work: required field 'job.prevhash' is missing");

    assertThat(rejected(TopicKind.STATUS, json("{'v':1,'ts':" + NOW + ",'reason':'x'}")).field())
        .isEqualTo("state");
  }

  private void assertMissing(String payload, String field) {
    MessageRejectedException e = rejectTelemetry(payload);
    assertThat(e.reason()).as(field).isEqualTo(RejectReason.MISSING_FIELD);
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage()).contains("'" + field + "'").contains("missing");
  }

  // ---- out_of_range

  @Test
  void outOfRange() {
    assertOutOfRange(
        TELEMETRY.replace("'hashrateHs':1.1e14,'temperatureC'", "'hashrateHs':-1,'temperatureC'"),
        "hashrateHs");
    assertOutOfRange(
        TELEMETRY.replace(
            "'hashrateHs':1.1e14,'temperatureC'", "'hashrateHs':1e400,'temperatureC'"),
        "hashrateHs");
    assertOutOfRange(
        TELEMETRY.replace(
            "'temperatureC':78.5,'fanRpm':5400,'powerW':3250,'acc",
            "'temperatureC':200.5,'fanRpm':5400,'powerW':3250,'acc"),
        "temperatureC");
    assertOutOfRange(
        TELEMETRY.replace(
            "'temperatureC':78.5,'fanRpm':5400,'powerW':3250,'acc",
            "'temperatureC':-51,'fanRpm':5400,'powerW':3250,'acc"),
        "temperatureC");
    assertOutOfRange(
        TELEMETRY.replace("'status':'idle'", "'status':'idle','temperatureC':250"),
        "devices[1].temperatureC");
    assertOutOfRange(TELEMETRY.replace("'powerW':3250,'acc", "'powerW':-0.5,'acc"), "powerW");
    assertOutOfRange(TELEMETRY.replace("'accepted':12345,'rej", "'accepted':-1,'rej"), "accepted");
    assertOutOfRange(TELEMETRY.replace("'accepted':0,", "'accepted':-3,"), "devices[1].accepted");
    assertOutOfRange(TELEMETRY.replace("'rejected':17,'up", "'rejected':1e30,'up"), "rejected");
    assertOutOfRange(
        TELEMETRY.replace(
            "'accepted':12345,'rej", "'accepted':123456789012345678901234567890,'rej"),
        "accepted");
    assertOutOfRange(
        TELEMETRY.replace("'fanRpm':5400,'powerW':3250,'acc", "'fanRpm':-10,'powerW':3250,'acc"),
        "fanRpm");
    assertOutOfRange(TELEMETRY.replace("'uptimeS':86400", "'uptimeS':-1"), "uptimeS");
    assertOutOfRange(TELEMETRY.replace("'load1':0.42", "'load1':-1"), "host.load1");
    assertOutOfRange(
        TELEMETRY.replace("'id':'cpu0'", "'id':'" + "c".repeat(65) + "'"), "devices[1].id");

    String manyDevices =
        "{'v':1,'ts':1,'hashrateHs':0,'accepted':0,'rejected':0,'uptimeS':0,'devices':["
            + String.join(",", java.util.Collections.nCopies(257, "{}"))
            + "]}";
    assertOutOfRange(manyDevices, "devices");
  }

  @Test
  void timestampsFarInTheFutureAreRefusedButOldOnesAreKept() throws Exception {
    long tooFar = NOW + MessageLimits.MAX_CLOCK_AHEAD_MS + 1;
    MessageRejectedException e =
        rejectTelemetry(TELEMETRY.replace("'ts':" + (NOW - 1000), "'ts':" + tooFar));
    assertThat(e.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
    assertThat(e.field()).isEqualTo("ts");
    assertThat(e.getMessage()).contains("ahead");

    long justInside = NOW + MessageLimits.MAX_CLOCK_AHEAD_MS;
    assertThat(
            codec
                .decodeTelemetry(
                    json(TELEMETRY.replace("'ts':" + (NOW - 1000), "'ts':" + justInside)))
                .ts())
        .isEqualTo(justInside);
    // a rig whose clock never synced still reports: old is plausible, the future is not
    assertThat(
            codec.decodeTelemetry(json(TELEMETRY.replace("'ts':" + (NOW - 1000), "'ts':0"))).ts())
        .isZero();
    assertOutOfRange(TELEMETRY.replace("'ts':" + (NOW - 1000), "'ts':-1"), "ts");
  }

  @Test
  void shareBatchLimits() {
    String one =
        "{'shareId':'s','jobId':'j','extranonce2':'00','ntime':'647025b5',"
            + "'nonce':'0a029ed1','difficulty':1}";
    String tooMany =
        "{'v':1,'ts':1,'shares':["
            + String.join(
                ",", java.util.Collections.nCopies(MessageLimits.MAX_SHARES_PER_BATCH + 1, one))
            + "]}";
    assertThat(json(tooMany).length).isLessThan(MessageLimits.MAX_PAYLOAD_BYTES);
    MessageRejectedException e = rejected(TopicKind.SHARES, json(tooMany));
    assertThat(e.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
    assertThat(e.field()).isEqualTo("shares");
    MessageRejectedException empty = rejected(TopicKind.SHARES, json("{'v':1,'ts':1,'shares':[]}"));
    assertThat(empty.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);

    String exactlyTheLimit =
        "{'v':1,'ts':1,'shares':["
            + String.join(
                ",", java.util.Collections.nCopies(MessageLimits.MAX_SHARES_PER_BATCH, one))
            + "]}";
    assertThat(
            catchThrowableOfType(
                MessageRejectedException.class,
                () -> codec.decodeShareBatch(json(exactlyTheLimit))))
        .isNull();

    MessageRejectedException zeroDifficulty =
        rejected(
            TopicKind.SHARES,
            json(
                "{'v':1,'ts':1,'shares':["
                    + one.replace("'difficulty':1", "'difficulty':0")
                    + "]}"));
    assertThat(zeroDifficulty.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
    assertThat(zeroDifficulty.field()).isEqualTo("shares[0].difficulty");

    MessageRejectedException shortNonce =
        rejected(
            TopicKind.SHARES,
            json("{'v':1,'ts':1,'shares':[" + one.replace("0a029ed1", "0a029ed") + "]}"));
    assertThat(shortNonce.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
    assertThat(shortNonce.field()).isEqualTo("shares[0].nonce");
  }

  @Test
  void aSafeBatchOfLargestSharesFitsThePayloadLimit() throws Exception {
    io.otedama.protocol.message.Share largest =
        new io.otedama.protocol.message.Share(
            "s".repeat(MessageLimits.MAX_ID_LENGTH),
            "j".repeat(MessageLimits.MAX_NAME_LENGTH),
            "ab".repeat(MessageLimits.MAX_EXTRANONCE_BYTES),
            "647025b5",
            "0a029ed1",
            "1fffe000",
            1.2345678901234567e-300,
            "d".repeat(MessageLimits.MAX_ID_LENGTH),
            Long.MAX_VALUE);
    ShareBatchMessage batch =
        new ShareBatchMessage(
            Long.MAX_VALUE / 2,
            java.util.Collections.nCopies(MessageLimits.SAFE_SHARES_PER_BATCH, largest));
    byte[] bytes = codec.encode(batch);
    assertThat(bytes.length).isLessThanOrEqualTo(MessageLimits.MAX_PAYLOAD_BYTES);
  }

  @Test
  void workConsistency() throws Exception {
    WorkAssignmentMessage w = SampleMessages.work();
    String text = new String(codec.encode(w), StandardCharsets.UTF_8);
    MessageRejectedException prefixTooLong =
        rejected(
            TopicKind.WORK,
            text.replace("\"extranonce2Prefix\":\"00\"", "\"extranonce2Prefix\":\"0000000000\"")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(prefixTooLong.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
    assertThat(prefixTooLong.field()).isEqualTo("extranonce2Prefix");

    MessageRejectedException size0 =
        rejected(
            TopicKind.WORK,
            text.replace("\"extranonce2Size\":4", "\"extranonce2Size\":0")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(size0.field()).isEqualTo("extranonce2Size");

    MessageRejectedException shortBranch =
        rejected(
            TopicKind.WORK,
            text.replace("2b77d9e413e8121cd7a17ff4", "2b77").getBytes(StandardCharsets.UTF_8));
    assertThat(shortBranch.field()).isEqualTo("job.merkleBranch[0]");

    String noMask = text.replace(",\"versionMask\":\"1fffe000\"", "");
    assertThat(codec.decodeWork(noMask.getBytes(StandardCharsets.UTF_8)).versionMask()).isNull();
  }

  @Test
  void commandExpiryNotBeforeIssue() {
    MessageRejectedException e =
        rejected(
            TopicKind.CMD,
            json("{'v':1,'ts':1,'id':'c','type':'stop','issuedAt':10,'expiresAt':9}"));
    assertThat(e.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
    assertThat(e.field()).isEqualTo("expiresAt");
  }

  private void assertOutOfRange(String payload, String field) {
    MessageRejectedException e = rejectTelemetry(payload);
    assertThat(e.reason()).as(field + ": " + e.getMessage()).isEqualTo(RejectReason.OUT_OF_RANGE);
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage()).startsWith("telemetry: field '" + field + "'");
  }

  // ---- bad_value

  @Test
  void badValues() {
    assertBadValue(
        TELEMETRY.replace(
            "'hashrateHs':1.1e14,'temperatureC'", "'hashrateHs':'1.1e14','temperatureC'"),
        "hashrateHs");
    assertBadValue(TELEMETRY.replace("'accepted':12345,'rej", "'accepted':1.5,'rej"), "accepted");
    assertBadValue(
        TELEMETRY.replace("'devices':[", "'devices':{'a':[").replace("],'host'", "]},'host'"),
        "devices");
    assertBadValue(TELEMETRY.replace("{'id':'cpu0',", "7,{'id':'cpu0',"), "devices[1]");
    assertBadValue(TELEMETRY.replace("'id':'cpu0'", "'id':'cpu\\n0'"), "devices[1].id");
    assertBadValue(TELEMETRY.replace("'host':{", "'host':[{").replace("}}", "}]}"), "host");

    MessageRejectedException state =
        rejected(TopicKind.STATUS, json("{'v':1,'ts':1,'state':'sleeping'}"));
    assertThat(state.reason()).isEqualTo(RejectReason.BAD_VALUE);
    assertThat(state.getMessage()).contains("online, offline").contains("'sleeping'");

    String one =
        "{'shareId':'s','jobId':'j','extranonce2':'000000','ntime':'647025b5',"
            + "'nonce':'0a029ed1','difficulty':1}";
    MessageRejectedException hex =
        rejected(
            TopicKind.SHARES,
            json("{'v':1,'ts':1,'shares':[" + one.replace("0a029ed1", "0a029edz") + "]}"));
    assertThat(hex.reason()).isEqualTo(RejectReason.BAD_VALUE);
    assertThat(hex.field()).isEqualTo("shares[0].nonce");
    MessageRejectedException oddLength =
        rejected(
            TopicKind.SHARES,
            json("{'v':1,'ts':1,'shares':[" + one.replace("'000000'", "'00000'") + "]}"));
    assertThat(oddLength.reason()).isEqualTo(RejectReason.BAD_VALUE);
    assertThat(oddLength.field()).isEqualTo("shares[0].extranonce2");

    String work = new String(codec.encode(SampleMessages.work()), StandardCharsets.UTF_8);
    MessageRejectedException algorithm =
        rejected(
            TopicKind.WORK,
            work.replace("\"sha256d\"", "\"x11\"").getBytes(StandardCharsets.UTF_8));
    assertThat(algorithm.reason()).isEqualTo(RejectReason.BAD_VALUE);
    assertThat(algorithm.field()).isEqualTo("algorithm");
  }

  @Test
  void errorMessagesDoNotEchoControlCharactersOrHugeValues() {
    MessageRejectedException e =
        rejected(TopicKind.STATUS, json("{'v':1,'ts':1,'state':'" + "x".repeat(500) + "\\u0007'}"));
    assertThat(e.getMessage()).hasSizeLessThan(200).doesNotContain("\u0007");
  }

  private void assertBadValue(String payload, String field) {
    MessageRejectedException e = rejectTelemetry(payload);
    assertThat(e.reason()).as(field + ": " + e.getMessage()).isEqualTo(RejectReason.BAD_VALUE);
    assertThat(e.field()).isEqualTo(field);
  }

  // ---- bad_topic

  @Test
  void badTopic() {
    byte[] bytes = codec.encode(SampleMessages.status());
    for (String topic :
        new String[] {"otedama/v1/rigs/+/status", "otedama/v1/rigs/r1/nope", "x", "", null}) {
      MessageRejectedException e =
          catchThrowableOfType(MessageRejectedException.class, () -> codec.decode(topic, bytes));
      assertThat(e.reason()).as(topic).isEqualTo(RejectReason.BAD_TOPIC);
    }
  }

  @Test
  void reasonWireNamesAreTheContractLabels() {
    assertThat(RejectReason.TOO_LARGE.wireName()).isEqualTo("too_large");
    assertThat(RejectReason.BAD_JSON.wireName()).isEqualTo("bad_json");
    assertThat(RejectReason.BAD_VERSION.wireName()).isEqualTo("bad_version");
    assertThat(RejectReason.MISSING_FIELD.wireName()).isEqualTo("missing_field");
    assertThat(RejectReason.OUT_OF_RANGE.wireName()).isEqualTo("out_of_range");
    assertThat(RejectReason.BAD_VALUE.wireName()).isEqualTo("bad_value");
    assertThat(RejectReason.BAD_TOPIC.wireName()).isEqualTo("bad_topic");
  }

  @Test
  void oneCodecServesManyThreads() throws Exception {
    byte[] bytes = json(TELEMETRY);
    TelemetryMessage expected = codec.decodeTelemetry(bytes);
    List<Thread> threads = new java.util.ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger failures =
        new java.util.concurrent.atomic.AtomicInteger();
    for (int t = 0; t < 4; t++) {
      threads.add(
          Thread.ofPlatform()
              .start(() -> {
                for (int i = 0; i < 2000; i++) {
                  try {
                    if (!codec.decodeTelemetry(bytes).equals(expected)) {
                      failures.incrementAndGet();
                    }
                  } catch (MessageRejectedException e) {
                    failures.incrementAndGet();
                  }
                }
              }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(failures).hasValue(0);
  }
}
