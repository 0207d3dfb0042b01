package io.otedama.hashing.bench;

import io.otedama.hashing.Target;
import io.otedama.hashing.scan.DigestNonceScanner;
import io.otedama.hashing.scan.NonceScanner;
import io.otedama.hashing.scan.ScalarNonceScanner;
import io.otedama.hashing.scan.VectorNonceScanner;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-thread nonce scanning, one score per hash (ops/s = H/s): the vector scanner, the scalar
 * scanner, and the naive baseline the issue measures against — {@link MessageDigest} double SHA-256
 * of the whole 80-byte header for every nonce.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class NonceScanBenchmark {
  static final int NONCES = 1 << 14;

  private final byte[] header = new byte[80];
  private final NonceScanner vector = new VectorNonceScanner();
  private final NonceScanner scalar = new ScalarNonceScanner();
  private final NonceScanner digest = new DigestNonceScanner();
  private MessageDigest sha256;
  private int next;

  @Setup
  public void setUp() throws NoSuchAlgorithmException {
    new Random(42).nextBytes(header);
    // nothing meets a zero target: the scan measures hashing and the early reject only
    Target nothing = Target.of(BigInteger.ZERO);
    vector.setWork(header, nothing);
    scalar.setWork(header, nothing);
    digest.setWork(header, nothing);
    sha256 = MessageDigest.getInstance("SHA-256");
  }

  @Benchmark
  @OperationsPerInvocation(NONCES)
  public int vectorScan() {
    int first = next;
    next += NONCES;
    return vector.scan(first, NONCES, (n, h) -> {});
  }

  @Benchmark
  @OperationsPerInvocation(NONCES)
  public int scalarScan() {
    int first = next;
    next += NONCES;
    return scalar.scan(first, NONCES, (n, h) -> {});
  }

  @Benchmark
  @OperationsPerInvocation(NONCES)
  public int digestScan() {
    int first = next;
    next += NONCES;
    return digest.scan(first, NONCES, (n, h) -> {});
  }

  /** The baseline: what a straightforward Java miner does per nonce. */
  @Benchmark
  @OperationsPerInvocation(NONCES)
  public void naiveMessageDigest(Blackhole bh) {
    byte[] h = header;
    int first = next;
    next += NONCES;
    for (int i = 0; i < NONCES; i++) {
      int nonce = first + i;
      h[76] = (byte) nonce;
      h[77] = (byte) (nonce >>> 8);
      h[78] = (byte) (nonce >>> 16);
      h[79] = (byte) (nonce >>> 24);
      byte[] hash = sha256.digest(sha256.digest(h));
      bh.consume(hash[31] == 0 && hash[30] == 0 && hash[29] == 0 && hash[28] == 0);
    }
  }
}
