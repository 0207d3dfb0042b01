package io.otedama.hashing.bench;

import io.otedama.hashing.Target;
import io.otedama.hashing.scan.NonceScanner;
import io.otedama.hashing.scan.VectorNonceScanner;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * The vector scanner against the naive MessageDigest baseline, measured in alternating slices of
 * about 50 ms in one thread, so both sides see the same machine load. On a shared machine this
 * ratio is steadier than two JMH benchmarks measured one after the other. Run through the bench
 * profile (see docs/performance.md); the argument is the number of measured pairs.
 */
public final class PairedRatio {
  private PairedRatio() {}

  public static void main(String[] args) throws Exception {
    int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    byte[] header = new byte[80];
    new Random(42).nextBytes(header);
    NonceScanner vector = new VectorNonceScanner();
    vector.setWork(header, Target.of(BigInteger.ZERO));
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    double[] vectorRates = new double[pairs];
    double[] naiveRates = new double[pairs];
    double[] ratios = new double[pairs];
    int nonce = 0;
    long sink = 0;
    for (int p = -20; p < pairs; p++) { // the first 20 pairs are JIT warm-up
      int vectorCount = 1 << 20;
      long t0 = System.nanoTime();
      vector.scan(nonce, vectorCount, (n, h) -> {});
      long t1 = System.nanoTime();
      int naiveCount = 1 << 18;
      for (int i = 0; i < naiveCount; i++) {
        int n = nonce + i;
        header[76] = (byte) n;
        header[77] = (byte) (n >>> 8);
        header[78] = (byte) (n >>> 16);
        header[79] = (byte) (n >>> 24);
        sink += sha256.digest(sha256.digest(header))[31];
      }
      long t2 = System.nanoTime();
      nonce += vectorCount;
      if (p >= 0) {
        vectorRates[p] = vectorCount * 1e3 / (t1 - t0);
        naiveRates[p] = naiveCount * 1e3 / (t2 - t1);
        ratios[p] = vectorRates[p] / naiveRates[p];
      }
    }
    Arrays.sort(vectorRates);
    Arrays.sort(naiveRates);
    Arrays.sort(ratios);
    System.out.printf(
        Locale.ROOT,
        "%s: median %.2f MH/s, best %.2f MH/s%nnaive MessageDigest: median %.2f MH/s, best %.2f"
            + " MH/s%nratio of each pair: median %.2f (quartiles %.2f .. %.2f), best/best %.2f"
            + " [%d]%n",
        vector.implementation(),
        vectorRates[pairs / 2],
        vectorRates[pairs - 1],
        naiveRates[pairs / 2],
        naiveRates[pairs - 1],
        ratios[pairs / 2],
        ratios[pairs / 4],
        ratios[3 * pairs / 4],
        vectorRates[pairs - 1] / naiveRates[pairs - 1],
        sink & 1);
  }
}
