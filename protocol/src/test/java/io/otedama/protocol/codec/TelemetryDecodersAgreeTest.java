package io.otedama.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.otedama.protocol.message.TelemetryMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The streaming telemetry decoder against the tree-based reference: the same record for valid
 * payloads, the same reason and field for invalid ones (they check fields in the same order).
 */
class TelemetryDecodersAgreeTest {
  private final MessageCodec codec = new MessageCodec(SampleMessages.CLOCK);

  private record Outcome(TelemetryMessage message, RejectReason reason, String field) {}

  private Outcome streaming(byte[] payload) {
    try {
      return new Outcome(codec.decodeTelemetry(payload), null, null);
    } catch (MessageRejectedException e) {
      return new Outcome(null, e.reason(), e.field());
    }
  }

  private Outcome tree(byte[] payload) {
    try {
      return new Outcome(codec.decodeTelemetryViaTree(payload), null, null);
    } catch (MessageRejectedException e) {
      return new Outcome(null, e.reason(), e.field());
    }
  }

  /** One field of the sample replaced by a value of some other shape. */
  @Property(tries = 1500)
  void oneReplacedValueGivesTheSameOutcome(
      @ForAll("fields") String field, @ForAll("values") String value) {
    String base = MessageCodecTest.TELEMETRY.replace('\'', '"');
    String key = "\"" + field + "\":";
    int at = base.indexOf(key);
    if (field.startsWith("1:")) { // the field of the second device
      key = "\"" + field.substring(2) + "\":";
      at = base.indexOf(key, base.indexOf("\"cpu0\"") - 6);
    }
    if (at < 0) {
      return;
    }
    int start = at + key.length();
    int end = endOfValue(base, start);
    String payload = base.substring(0, start) + value + base.substring(end);
    Outcome s = streaming(bytes(payload));
    Outcome t = tree(bytes(payload));
    Statistics.collect(t.reason() == null ? "accepted" : t.reason().name());
    assertThat(s).as(payload).isEqualTo(t);
  }

  /** Random byte damage: the same record, or the same reason and field. */
  @Property(tries = 1500)
  void damagedPayloadsAreJudgedAlike(@ForAll("damage") List<int[]> edits) {
    byte[] payload = bytes(MessageCodecTest.TELEMETRY.replace('\'', '"'));
    for (int[] edit : edits) {
      payload[Math.floorMod(edit[0], payload.length)] = (byte) edit[1];
    }
    Outcome s = streaming(payload);
    Outcome t = tree(payload);
    Statistics.collect(t.reason() == null ? "accepted" : t.reason().name());
    assertThat(s).isEqualTo(t);
  }

  private static int endOfValue(String json, int start) {
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth == 0) {
          return i;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        return i;
      }
    }
    return json.length();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Provide
  Arbitrary<String> fields() {
    return Arbitraries.of(
        "v",
        "ts",
        "hashrateHs",
        "temperatureC",
        "fanRpm",
        "powerW",
        "accepted",
        "rejected",
        "uptimeS",
        "devices",
        "host",
        "load1",
        "memoryTotalBytes",
        "1:id",
        "1:kind",
        "1:hashrateHs",
        "1:accepted",
        "1:rejected",
        "1:status");
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "null",
            "true",
            "false",
            "0",
            "-1",
            "1",
            "2",
            "1.5",
            "5.0",
            "1e400",
            "-1e400",
            "123456789012345678901234567890",
            "9.3e18",
            "9.223372036854775807E18",
            "250",
            "-51",
            "\"\"",
            "\"x\"",
            "\"5\"",
            "\"a\\u0001b\"",
            "[]",
            "[1]",
            "{}",
            "{\"a\":1}",
            "[{}]",
            "[{\"id\":\"d\",\"kind\":\"k\",\"hashrateHs\":1,\"accepted\":0,\"rejected\":0,"
                + "\"status\":\"s\"}]",
            "\"" + "c".repeat(65) + "\"",
            "1717000000000",
            "1800000000000"),
        Combinators.combine(Arbitraries.integers().between(-3, 300), Arbitraries.of("", ".25"))
            .as((n, f) -> n + f));
  }

  @Provide
  Arbitrary<List<int[]>> damage() {
    return Combinators.combine(
            Arbitraries.integers().greaterOrEqual(0),
            Arbitraries.of(
                (int) '"', (int) '{', (int) '}', (int) '[', (int) ']', (int) ',', (int) ':',
                (int) '-', (int) '9', (int) 'e', (int) 'n', (int) '.', 0, 0xff, (int) 'x'))
        .as((p, b) -> new int[] {p, b})
        .list()
        .ofMinSize(1)
        .ofMaxSize(3);
  }
}
