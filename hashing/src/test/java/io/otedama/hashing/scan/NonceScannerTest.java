package io.otedama.hashing.scan;

import static io.otedama.hashing.Vectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otedama.hashing.Algorithm;
import io.otedama.hashing.Difficulty;
import io.otedama.hashing.Hex;
import io.otedama.hashing.Target;
import io.otedama.hashing.Vectors;
import io.otedama.hashing.scrypt.Scrypt;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NonceScannerTest {

  static List<Supplier<NonceScanner>> sha256dScanners() {
    return List.of(ScalarNonceScanner::new, VectorNonceScanner::new, DigestNonceScanner::new);
  }

  @Test
  void theVectorScannerIsAvailableInTheTestJvm() {
    // surefire starts the tests with --add-modules jdk.incubator.vector on an AVX2+ machine
    assertThat(NonceScanner.vectorAvailable()).isTrue();
    assertThat(NonceScanner.create(Algorithm.SHA256D)).isInstanceOf(VectorNonceScanner.class);
    assertThat(NonceScanner.create(Algorithm.SHA256D).implementation())
        .startsWith("sha256d vector ");
    assertThat(VectorNonceScanner.lanes()).isGreaterThanOrEqualTo(8);
    assertThat(NonceScanner.create(Algorithm.SCRYPT)).isInstanceOf(VectorScryptNonceScanner.class);
  }

  @ParameterizedTest
  @MethodSource("sha256dScanners")
  void findsTheRealBlocksAtNetworkDifficulty(Supplier<NonceScanner> factory) {
    NonceScanner scanner = factory.get();
    for (String[] block :
        new String[][] {
          {Vectors.GENESIS_HEADER, Vectors.GENESIS_HASH},
          {Vectors.BLOCK_125552_HEADER, Vectors.BLOCK_125552_HASH},
          {Vectors.JOB_HEADER, Vectors.JOB_HASH}
        }) {
      byte[] header = bytes(block[0]);
      int nonce = Vectors.nonceOf(header);
      // a target exactly at the block's hash: only that nonce (top word 0 path)
      Target target = Target.fromHex(block[1]);
      List<Integer> found = new ArrayList<>();
      List<String> hashes = new ArrayList<>();
      scanner.setWork(header, target);
      int hits =
          scanner.scan(
              nonce - 1000,
              2021,
              (n, h) -> {
                found.add(n);
                hashes.add(Hex.displayOrder(h));
              });
      assertThat(hits).isEqualTo(1);
      assertThat(found).containsExactly(nonce);
      assertThat(hashes).containsExactly(block[1]);
    }
  }

  @ParameterizedTest
  @MethodSource("sha256dScanners")
  void aTargetOneBelowTheHashFindsNothing(Supplier<NonceScanner> factory) {
    byte[] header = bytes(Vectors.GENESIS_HEADER);
    Target below =
        Target.of(Target.fromHex(Vectors.GENESIS_HASH).toBigInteger().subtract(BigInteger.ONE));
    NonceScanner scanner = factory.get();
    scanner.setWork(header, below);
    assertThat(scanner.scan(Vectors.GENESIS_NONCE - 7, 16, (n, h) -> {})).isZero();
  }

  @Property(tries = 150)
  void everySha256dScannerAgreesWithMessageDigest(
      @ForAll @Size(80) byte[] header,
      @ForAll @DoubleRange(min = -7, max = -4) double log10Difficulty,
      @ForAll int firstNonce,
      @ForAll @IntRange(min = 0, max = 1500) int count)
      throws Exception {
    Target target = Difficulty.toTarget(Algorithm.SHA256D, Math.pow(10, log10Difficulty));
    List<Integer> expected = reference(header, target, firstNonce, count);
    for (Supplier<NonceScanner> factory : sha256dScanners()) {
      NonceScanner scanner = factory.get();
      List<Integer> found = new ArrayList<>();
      scanner.setWork(header, target);
      int hits = scanner.scan(firstNonce, count, (n, h) -> found.add(n));
      assertThat(found).as(scanner.implementation()).isEqualTo(expected);
      assertThat(hits).isEqualTo(expected.size());
    }
  }

  @Property(tries = 40)
  void scannersAgreeAcrossTheNonceWrapAndOddCounts(
      @ForAll @Size(80) byte[] header, @ForAll("counts") int count) throws Exception {
    Target target = Difficulty.toTarget(Algorithm.SHA256D, 2e-7);
    int first = -count / 2; // straddles 0xffffffff -> 0
    List<Integer> expected = reference(header, target, first, count);
    for (Supplier<NonceScanner> factory : sha256dScanners()) {
      List<Integer> found = new ArrayList<>();
      NonceScanner scanner = factory.get();
      scanner.setWork(header, target);
      scanner.scan(first, count, (n, h) -> found.add(n));
      assertThat(found).as(scanner.implementation()).isEqualTo(expected);
    }
  }

  @Provide
  Arbitrary<Integer> counts() {
    return Arbitraries.integers().between(1, 100).edgeCases(c -> c.includeOnly(1, 15, 16, 17));
  }

  static List<Supplier<NonceScanner>> scryptScanners() {
    return List.of(ScryptNonceScanner::new, VectorScryptNonceScanner::new);
  }

  @ParameterizedTest
  @MethodSource("scryptScanners")
  void scryptScannersFindTheLitecoinBlock(Supplier<NonceScanner> factory) {
    byte[] header = bytes(Vectors.LTC_HEADER_1);
    int nonce = Vectors.nonceOf(header);
    NonceScanner scanner = factory.get();
    Target target = Target.fromHex(Vectors.LTC_HASH_1);
    List<Integer> found = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    scanner.setWork(header, target);
    int hits =
        scanner.scan(
            nonce - 5,
            11,
            (n, h) -> {
              found.add(n);
              hashes.add(Hex.displayOrder(h));
            });
    assertThat(hits).isEqualTo(1);
    assertThat(found).containsExactly(nonce);
    assertThat(hashes).containsExactly(Vectors.LTC_HASH_1);
  }

  @Property(tries = 8)
  void scryptScannersAgreeWithPlainScrypt(
      @ForAll @Size(80) byte[] header,
      @ForAll int firstNonce,
      @ForAll @IntRange(min = 1, max = 40) int count) {
    Target target = Difficulty.toTarget(Algorithm.SCRYPT, 1.0 / 16384); // ~1 in 4 hashes
    Scrypt scrypt = Scrypt.litecoin();
    List<Integer> expected = new ArrayList<>();
    List<String> expectedHashes = new ArrayList<>();
    byte[] h = header.clone();
    byte[] out = new byte[32];
    for (int i = 0; i < count; i++) {
      putNonce(h, firstNonce + i);
      scrypt.hashHeader(h, out, 0);
      if (target.isMetBy(out)) {
        expected.add(firstNonce + i);
        expectedHashes.add(Hex.encode(out));
      }
    }
    for (Supplier<NonceScanner> factory : scryptScanners()) {
      NonceScanner scanner = factory.get();
      List<Integer> found = new ArrayList<>();
      List<String> hashes = new ArrayList<>();
      scanner.setWork(header, target);
      int hits =
          scanner.scan(
              firstNonce,
              count,
              (n, hash) -> {
                found.add(n);
                hashes.add(Hex.encode(hash));
              });
      assertThat(found).as(scanner.implementation()).isEqualTo(expected);
      assertThat(hashes).isEqualTo(expectedHashes);
      assertThat(hits).isEqualTo(expected.size());
    }
  }

  @Test
  void rejectsHeadersOfTheWrongLengthAndScanWithoutWork() {
    for (NonceScanner s :
        List.of(
            new ScalarNonceScanner(),
            new VectorNonceScanner(),
            new DigestNonceScanner(),
            new ScryptNonceScanner(),
            new VectorScryptNonceScanner())) {
      assertThatThrownBy(() -> s.setWork(new byte[79], Target.MAX))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("80 bytes");
      assertThatThrownBy(() -> s.scan(0, 1, (n, h) -> {}))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  /** Plain MessageDigest double SHA-256 per nonce. */
  static List<Integer> reference(byte[] header, Target target, int firstNonce, int count)
      throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    byte[] h = header.clone();
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int nonce = firstNonce + i;
      putNonce(h, nonce);
      byte[] hash = md.digest(md.digest(h));
      if (target.isMetBy(hash)) {
        found.add(nonce);
      }
    }
    return found;
  }

  static void putNonce(byte[] h, int nonce) {
    h[76] = (byte) nonce;
    h[77] = (byte) (nonce >>> 8);
    h[78] = (byte) (nonce >>> 16);
    h[79] = (byte) (nonce >>> 24);
  }
}
