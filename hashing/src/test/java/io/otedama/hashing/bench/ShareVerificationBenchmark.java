package io.otedama.hashing.bench;

import io.otedama.hashing.Algorithm;
import io.otedama.hashing.Difficulty;
import io.otedama.hashing.Hex;
import io.otedama.hashing.sha256.Sha256d;
import io.otedama.hashing.stratum.HeaderAssembler;
import io.otedama.hashing.stratum.StratumJob;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One-shot share verification as the controller does it: header assembly from the job and the
 * submission, SHA-256d, share difficulty. Uses the mainnet job of the test vectors (13 merkle
 * branch steps, a 326-byte coinbase).
 *
 * <p>{@code newExtranonce2}: every share has a different extranonce2, so the whole coinbase and
 * merkle path is rehashed (the worst case). {@code sameExtranonce2}: the common case of a miner
 * rolling nonces under one extranonce2, where the assembler reuses the merkle root.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class ShareVerificationBenchmark {
  private final HeaderAssembler assembler = new HeaderAssembler();
  private final Sha256d sha256d = new Sha256d();
  private final byte[] header = new byte[80];
  private final byte[] hash = new byte[32];
  private final byte[] extranonce1 = Hex.decode("extranonce1", "01000000");
  private final byte[] extranonce2 = new byte[4];
  private StratumJob job;
  private int ntime;
  private int counter;

  @Setup
  public void setUp() {
    List<String> branch = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      branch.add(String.format("%064x", i + 1).replace(' ', '0'));
    }
    job =
        StratumJob.fromNotify(
            "bench",
            "0c859545a3498373a57452fac22eb7113df2a465000543520000000000000000",
            "01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff4b0389130cfabe6d6d5cbab26a2599e92916edec5657a94a0708ddb970f5c45b5d12905085617eff8e",
            "31650707758de07b010000000000001cfd7038212f736c7573682f000000000379ad0c2a000000001976a9147c154ed1dc59609e3d26abb2df2ea3d587cd8c4188ac00000000000000002c6a4c2952534b424c4f434b3ae725d3994b811572c1f345deb98b56b465ef8e153ecbbd27fa37bf1b005161380000000000000000266a24aa21a9ed63b06a7946b190a3fda1d76165b25c9b883bcc6621b040773050ee2a1bb18f1800000000",
            branch,
            "20000004",
            "1705ae3a",
            "647025b5",
            true);
    ntime = job.ntime();
  }

  @Benchmark
  public double newExtranonce2() {
    int c = counter++;
    extranonce2[0] = (byte) c;
    extranonce2[1] = (byte) (c >>> 8);
    extranonce2[2] = (byte) (c >>> 16);
    extranonce2[3] = (byte) (c >>> 24);
    return verify(c);
  }

  @Benchmark
  public double sameExtranonce2() {
    return verify(counter++);
  }

  private double verify(int nonce) {
    assembler.assemble(job, extranonce1, extranonce2, ntime, nonce, 0x00002000, 0x1fffe000, header);
    sha256d.hash(header, 0, 80, hash, 0);
    return Difficulty.ofHash(Algorithm.SHA256D, hash);
  }
}
