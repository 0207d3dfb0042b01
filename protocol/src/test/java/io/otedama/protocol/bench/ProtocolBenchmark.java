package io.otedama.protocol.bench;

import io.otedama.protocol.codec.MessageCodec;
import io.otedama.protocol.codec.MessageRejectedException;
import io.otedama.protocol.message.DeviceTelemetry;
import io.otedama.protocol.message.HostTelemetry;
import io.otedama.protocol.message.TelemetryMessage;
import io.otedama.protocol.stratum.ClientMessage;
import io.otedama.protocol.stratum.MiningNotify;
import io.otedama.protocol.stratum.StratumCodec;
import io.otedama.protocol.stratum.StratumProtocolException;
import io.otedama.protocol.topic.TopicAcl;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Single-thread cost of the protocol's hot paths: telemetry decode/encode (the controller ingests
 * 1,000-10,000 a second), Stratum submit decode (share validation path), notify encode (sent to
 * every miner on a new job) and the broker's per-PUBLISH ACL check. Run as in docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ProtocolBenchmark {
  private final MessageCodec codec = new MessageCodec();
  private final StratumCodec stratum = new StratumCodec();
  private final TelemetryMessage telemetry = telemetry();
  private final byte[] telemetryBytes = codec.encode(telemetry);
  private final String submitLine =
      "{\"params\": [\"farm.s19\", \"6a1f\", \"00000001\", \"647025b6\", \"2f1c0a3b\","
          + " \"00a8a000\"], \"id\": 117, \"method\": \"mining.submit\"}";
  private final MiningNotify notify =
      new MiningNotify(
          "6a1f",
          "0c859545a3498373a57452fac22eb7113df2a465000543520000000000000000",
          "01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff4b0389130cfabe6d6d5cbab26a2599e92916edec5657a94a0708ddb970f5c45b5d12905085617eff8e",
          "31650707758de07b010000000000001cfd7038212f736c7573682f000000000379ad0c2a000000001976a9147c154ed1dc59609e3d26abb2df2ea3d587cd8c4188ac00000000000000002c6a4c2952534b424c4f434b3ae725d3994b811572c1f345deb98b56b465ef8e153ecbbd27fa37bf1b005161380000000000000000266a24aa21a9ed63b06a7946b190a3fda1d76165b25c9b883bcc6621b040773050ee2a1bb18f1800000000",
          java.util.Collections.nCopies(
              13, "2b77d9e413e8121cd7a17ff46029591051d0922bd90b2b2a38811af1cb57a2b2"),
          "20000004",
          "1705ae3a",
          "647025b5",
          true);

  /** A rig with 8 devices, the size most farms' rigs report. */
  private static TelemetryMessage telemetry() {
    List<DeviceTelemetry> devices = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      devices.add(
          new DeviceTelemetry(
              "asic" + i, "asic", 1.37e13 + i, 71.5 + i, 5400 + i, 406.25, 1500 + i, 3, "mining"));
    }
    return new TelemetryMessage(
        System.currentTimeMillis(),
        1.1e14,
        78.5,
        5407,
        3250.0,
        12_345,
        17,
        86_400,
        devices,
        new HostTelemetry(0.42, 8_000_000_000L, 6_500_000_000L));
  }

  @Benchmark
  public TelemetryMessage decodeTelemetry() throws MessageRejectedException {
    return codec.decodeTelemetry(telemetryBytes);
  }

  @Benchmark
  public byte[] encodeTelemetry() {
    return codec.encode(telemetry);
  }

  @Benchmark
  public ClientMessage decodeSubmit() throws StratumProtocolException {
    return stratum.decodeFromClient(submitLine);
  }

  @Benchmark
  public String encodeNotify() {
    return stratum.encode(notify);
  }

  @Benchmark
  public boolean aclMayPublish() {
    return TopicAcl.mayPublish("rig-000123", "otedama/v1/rigs/rig-000123/telemetry");
  }
}
