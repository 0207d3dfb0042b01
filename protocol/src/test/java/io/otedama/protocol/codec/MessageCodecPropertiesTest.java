package io.otedama.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.otedama.protocol.message.DeviceTelemetry;
import io.otedama.protocol.message.HostTelemetry;
import io.otedama.protocol.message.RigMessage;
import io.otedama.protocol.message.Share;
import io.otedama.protocol.message.ShareBatchMessage;
import io.otedama.protocol.message.TelemetryMessage;
import io.otedama.protocol.topic.TopicKind;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class MessageCodecPropertiesTest {
  private final MessageCodec codec = new MessageCodec(SampleMessages.CLOCK);

  @Property(tries = 300)
  void telemetryRoundTrips(@ForAll("telemetry") TelemetryMessage message) throws Exception {
    assertThat(codec.decodeTelemetry(codec.encode(message))).isEqualTo(message);
  }

  @Property(tries = 300)
  void shareBatchesRoundTrip(@ForAll("shareBatches") ShareBatchMessage message) throws Exception {
    assertThat(codec.decodeShareBatch(codec.encode(message))).isEqualTo(message);
  }

  @Property(tries = 1000)
  void randomBytesOnlyEverGiveTheTypedException(
      @ForAll @Size(max = 300) byte[] payload, @ForAll TopicKind kind) {
    try {
      codec.decode(kind, payload);
    } catch (MessageRejectedException e) {
      assertThat(e.reason()).isNotNull();
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Property(tries = 1000)
  void damagedValidPayloadsOnlyEverGiveTheTypedException(
      @ForAll TopicKind kind, @ForAll("damage") List<int[]> edits) {
    byte[] payload = codec.encode(SampleMessages.all().get(kind));
    for (int[] edit : edits) {
      int position = Math.floorMod(edit[0], payload.length);
      payload[position] = (byte) edit[1];
    }
    try {
      RigMessage decoded = codec.decode(kind, payload);
      assertThat(decoded.v()).isEqualTo(RigMessage.VERSION);
    } catch (MessageRejectedException e) {
      assertThat(e.reason()).isNotNull();
    }
  }

  @Provide
  Arbitrary<List<int[]>> damage() {
    Arbitrary<int[]> edit =
        Combinators.combine(
                Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.of(
                    (int) '"',
                    (int) '{',
                    (int) '}',
                    (int) '[',
                    (int) ']',
                    (int) ',',
                    (int) ':',
                    (int) '-',
                    (int) '9',
                    (int) 'e',
                    (int) 'n',
                    0,
                    0x7f,
                    0xff,
                    0xc3,
                    (int) '\\'))
            .as((p, b) -> new int[] {p, b});
    return edit.list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<TelemetryMessage> telemetry() {
    Arbitrary<Double> temperature =
        Arbitraries.doubles().between(-50, 200).ofScale(3).injectNull(0.3);
    Arbitrary<Integer> fan = Arbitraries.integers().between(0, 100_000).injectNull(0.3);
    Arbitrary<Double> power = Arbitraries.doubles().between(0, 1e7).ofScale(2).injectNull(0.3);
    Arbitrary<Long> count = Arbitraries.longs().greaterOrEqual(0);
    Arbitrary<DeviceTelemetry> device =
        Combinators.combine(
                ids(),
                Arbitraries.of("cpu", "asic", "gpu", "simulated"),
                Arbitraries.doubles().between(0, 1e21),
                temperature,
                fan,
                power,
                Combinators.combine(count, count).as((a, r) -> new long[] {a, r}),
                Arbitraries.of("mining", "idle", "overheat", "hung", "error", "offline"))
            .as((id, kind, rate, temp, rpm, watts, counts, status) ->
                new DeviceTelemetry(
                    id, kind, rate, temp, rpm, watts, counts[0], counts[1], status));
    Arbitrary<HostTelemetry> host =
        Combinators.combine(
                Arbitraries.doubles().between(0, 512).injectNull(0.2),
                count.injectNull(0.2),
                count.injectNull(0.2))
            .as(HostTelemetry::new)
            .injectNull(0.3);
    return Combinators.combine(
            Arbitraries.longs().between(0, SampleMessages.NOW),
            Arbitraries.doubles().between(0, 1e21),
            temperature,
            fan,
            power,
            Combinators.combine(
                    count, count, Arbitraries.longs().between(0, MessageLimits.MAX_UPTIME_S))
                .as((a, r, u) -> new long[] {a, r, u}),
            device.list().ofMaxSize(8),
            host)
        .as((ts, rate, temp, rpm, watts, counts, devices, h) ->
            new TelemetryMessage(
                ts, rate, temp, rpm, watts, counts[0], counts[1], counts[2], devices, h));
  }

  @Provide
  Arbitrary<ShareBatchMessage> shareBatches() {
    Arbitrary<Share> share =
        Combinators.combine(
                ids(),
                ids(),
                hex(1, MessageLimits.MAX_EXTRANONCE_BYTES),
                hex(4, 4),
                hex(4, 4),
                hex(4, 4).injectNull(0.5),
                Combinators.combine(
                        Arbitraries.doubles().between(1, 10).ofScale(8),
                        Arbitraries.integers().between(-12, 15))
                    .as((mantissa, exponent) -> mantissa * Math.pow(10, exponent)),
                Combinators.combine(
                        ids().injectNull(0.5),
                        Arbitraries.longs().between(0, SampleMessages.NOW).injectNull(0.5))
                    .as((d, f) -> new Object[] {d, f}))
            .as((id, job, en2, ntime, nonce, bits, diff, extra) ->
                new Share(
                    id, job, en2, ntime, nonce, bits, diff, (String) extra[0], (Long) extra[1]));
    return Combinators.combine(
            Arbitraries.longs().between(0, SampleMessages.NOW),
            share.list().ofMinSize(1).ofMaxSize(20))
        .as(ShareBatchMessage::new);
  }

  /** Printable-ASCII ids, quotes and backslashes included, to exercise escaping. */
  static Arbitrary<String> ids() {
    return Arbitraries.strings()
        .withCharRange((char) 0x20, (char) 0x7e)
        .ofMinLength(1)
        .ofMaxLength(MessageLimits.MAX_ID_LENGTH);
  }

  /** Lower-case hex of {@code minBytes..maxBytes} bytes. */
  static Arbitrary<String> hex(int minBytes, int maxBytes) {
    return Arbitraries.integers()
        .between(minBytes, maxBytes)
        .flatMap(n -> Arbitraries.strings().withChars("0123456789abcdef").ofLength(2 * n));
  }
}
