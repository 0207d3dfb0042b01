package io.otedama.hashing.bench;

import io.otedama.hashing.Target;
import io.otedama.hashing.scan.NonceScanner;
import io.otedama.hashing.scan.VectorScryptNonceScanner;
import io.otedama.hashing.scrypt.Scrypt;
import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * scrypt(1024, 1, 1) of 80-byte headers, single thread (ops/s = H/s): the scalar {@link Scrypt} one
 * header at a time, and the vector scanner that hashes one nonce per lane.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class ScryptBenchmark {
  static final int NONCES = 64; // a multiple of 8 and 16 lanes

  private final Scrypt scrypt = Scrypt.litecoin();
  private final NonceScanner vector = new VectorScryptNonceScanner();
  private final byte[] header = new byte[80];
  private final byte[] hash = new byte[32];
  private int nonce;

  @Setup
  public void setUp() {
    new Random(7).nextBytes(header);
    vector.setWork(header, Target.of(BigInteger.ZERO));
  }

  @Benchmark
  @OperationsPerInvocation(NONCES)
  public int vectorScrypt() {
    int first = nonce;
    nonce += NONCES;
    return vector.scan(first, NONCES, (n, h) -> {});
  }

  @Benchmark
  public byte[] scalarScrypt() {
    int n = nonce++;
    header[76] = (byte) n;
    header[77] = (byte) (n >>> 8);
    header[78] = (byte) (n >>> 16);
    header[79] = (byte) (n >>> 24);
    scrypt.hashHeader(header, hash, 0);
    return hash;
  }
}
