package io.otedama.hashing.bench;

import io.otedama.hashing.scrypt.Scrypt;
import java.util.Random;
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

/** scrypt(1024, 1, 1) of an 80-byte header, single thread (ops/s = H/s). */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class ScryptBenchmark {
  private final Scrypt scrypt = Scrypt.litecoin();
  private final byte[] header = new byte[80];
  private final byte[] hash = new byte[32];
  private int nonce;

  @Setup
  public void setUp() {
    new Random(7).nextBytes(header);
  }

  @Benchmark
  public byte[] scrypt() {
    int n = nonce++;
    header[76] = (byte) n;
    header[77] = (byte) (n >>> 8);
    header[78] = (byte) (n >>> 16);
    header[79] = (byte) (n >>> 24);
    scrypt.hashHeader(header, hash, 0);
    return hash;
  }
}
