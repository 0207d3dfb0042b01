package io.otedama.hashing;

import static io.otedama.hashing.Vectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TargetTest {

  @Test
  void difficultyOneTargetsAreTheDocumentedOnes() {
    assertThat(Algorithm.SHA256D.diff1().toHex()).isEqualTo(Vectors.SHA256D_DIFF1_TARGET);
    assertThat(Algorithm.SCRYPT.diff1().toHex()).isEqualTo(Vectors.SCRYPT_DIFF1_TARGET);
    assertThat(Target.fromCompact(0x1d00ffff)).isEqualTo(Algorithm.SHA256D.diff1());
    assertThat(Algorithm.SHA256D.diff1().toCompact()).isEqualTo(0x1d00ffff);
  }

  @Test
  void compactNbitsOfTheJobVectorGivesTheNetworkDifficulty() {
    Target target = Target.fromCompact(0x1705ae3a);
    assertThat(target.toHex())
        .isEqualTo("00000000000000000005ae3a0000000000000000000000000000000000000000");
    assertThat(Difficulty.ofTarget(Algorithm.SHA256D, target))
        .isCloseTo(Vectors.NBITS_1705AE3A_DIFFICULTY, within(0.01));
    assertThat(target.toCompact()).isEqualTo(0x1705ae3a);
  }

  @Test
  void compactEncodingFollowsBitcoinForSmallAndSignBitCases() {
    assertThat(Target.fromCompact(0x01123456).toBigInteger()).isEqualTo(BigInteger.valueOf(0x12));
    assertThat(Target.fromCompact(0x02123456).toBigInteger()).isEqualTo(BigInteger.valueOf(0x1234));
    assertThat(Target.fromCompact(0x04123456).toBigInteger())
        .isEqualTo(BigInteger.valueOf(0x12345600L));
    // a mantissa with the top bit set is written one byte longer
    assertThat(Target.of(BigInteger.valueOf(0x80)).toCompact()).isEqualTo(0x02008000);
    assertThat(Target.of(BigInteger.ZERO).toCompact()).isZero();
    assertThatThrownBy(() -> Target.fromCompact(0x04923456))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> Target.fromCompact(0xff123456))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("overflows");
  }

  @Property
  void compactRoundTripsForNormalisedEncodings(
      @ForAll @IntRange(min = 4, max = 32) int exponent,
      @ForAll @IntRange(min = 0x008000, max = 0x7fffff) int mantissa) {
    int nbits = exponent << 24 | mantissa;
    Target target = Target.fromCompact(nbits);
    assertThat(target.toCompact()).isEqualTo(nbits);
  }

  @Property
  void compactOfAnyTargetIsTheTargetTruncatedTo23Bits(@ForAll("targets") BigInteger value) {
    Target target = Target.of(value);
    Target back = Target.fromCompact(target.toCompact());
    assertThat(back.toBigInteger()).isLessThanOrEqualTo(value);
    // at most the bits below the 3-byte mantissa (and one more byte for the sign bit) are lost
    int lost = Math.max(0, value.bitLength() - 16);
    assertThat(value.subtract(back.toBigInteger())).isLessThan(BigInteger.ONE.shiftLeft(lost));
  }

  @Property
  void hashComparisonAgreesWithBigInteger(
      @ForAll("hashes") byte[] hash, @ForAll("targets") BigInteger value) {
    Target target = Target.of(value);
    BigInteger h = new BigInteger(1, reversed(hash));
    assertThat(target.isMetBy(hash)).isEqualTo(h.compareTo(value) <= 0);
    assertThat(Target.of(h).isMetBy(hash)).isTrue();
    if (h.signum() > 0) {
      assertThat(Target.of(h.subtract(BigInteger.ONE)).isMetBy(hash)).isFalse();
    }
  }

  @Property
  void topWordIsTheMostSignificant32Bits(@ForAll("targets") BigInteger value) {
    assertThat(Integer.toUnsignedLong(Target.of(value).topWord()))
        .isEqualTo(value.shiftRight(224).longValue());
  }

  @Property
  void shareDifficultyOfAHashMatchesExactArithmetic(@ForAll("hashes") byte[] hash) {
    BigInteger h = new BigInteger(1, reversed(hash));
    if (h.signum() == 0) {
      assertThat(Difficulty.ofHash(Algorithm.SHA256D, hash)).isInfinite();
      return;
    }
    for (Algorithm algorithm : Algorithm.values()) {
      double exact =
          new BigDecimal(algorithm.diff1().toBigInteger())
              .divide(new BigDecimal(h), MathContext.DECIMAL64)
              .doubleValue();
      assertThat(Difficulty.ofHash(algorithm, hash)).isCloseTo(exact, within(exact * 1e-14));
    }
  }

  @Property
  void fractionalDifficultiesRoundTrip(@ForAll @DoubleRange(min = -9, max = 12) double log10) {
    double difficulty = Math.pow(10, log10);
    for (Algorithm algorithm : Algorithm.values()) {
      Target target = Difficulty.toTarget(algorithm, difficulty);
      if (!target.equals(Target.MAX)) {
        assertThat(Difficulty.ofTarget(algorithm, target))
            .isCloseTo(difficulty, within(difficulty * 1e-12));
      }
    }
  }

  @Test
  void lowDifficultyTargetsForCpuRigs() {
    Target t = Difficulty.toTarget(Algorithm.SHA256D, 1.0 / 1024);
    assertThat(t.toBigInteger()).isEqualTo(BigInteger.valueOf(0xFFFF).shiftLeft(218));
    assertThat(Integer.toUnsignedLong(t.topWord())).isEqualTo(0x3ffL);
    assertThat(
            Difficulty.ofTarget(Algorithm.SHA256D, Difficulty.toTarget(Algorithm.SHA256D, 0.001)))
        .isCloseTo(0.001, within(1e-15));
    assertThat(Difficulty.toTarget(Algorithm.SCRYPT, 1e-9)).isEqualTo(Target.MAX);
    assertThat(Difficulty.toTarget(Algorithm.SHA256D, 1)).isEqualTo(Algorithm.SHA256D.diff1());
    assertThatThrownBy(() -> Difficulty.toTarget(Algorithm.SHA256D, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> Difficulty.toTarget(Algorithm.SHA256D, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shareDifficultyOfTheJobVectorHash() {
    byte[] hash = reversed(bytes(Vectors.JOB_HASH));
    double d = Difficulty.ofHash(Algorithm.SHA256D, hash);
    assertThat(d).isBetween(683.5, 683.6);
    assertThat((long) d).isEqualTo(683);
    assertThat(Difficulty.format(d)).startsWith("683.5");
  }

  @Test
  void formatIsPlainDecimalWith15SignificantDigits() {
    assertThat(Difficulty.format(683.0)).isEqualTo("683");
    assertThat(Difficulty.format(0.001)).isEqualTo("0.001");
    assertThat(Difficulty.format(1.0 / 3)).isEqualTo("0.333333333333333");
    assertThat(Difficulty.format(Vectors.NBITS_1705AE3A_DIFFICULTY)).isEqualTo("49549703178592.7");
    assertThat(Difficulty.format(1e-12)).isEqualTo("0.000000000001");
    assertThat(Difficulty.format(Double.POSITIVE_INFINITY)).isEqualTo("infinity");
  }

  @Test
  void hexParsesAndNamesTheFieldOnErrors() {
    assertThat(Target.fromHex(Vectors.SHA256D_DIFF1_TARGET)).isEqualTo(Algorithm.SHA256D.diff1());
    assertThatThrownBy(() -> Hex.decode("extranonce2", "zz"))
        .hasMessage("extranonce2 is not valid hex: 'zz'");
    assertThatThrownBy(() -> Hex.decode("extranonce2", "abc"))
        .hasMessageContaining("extranonce2 must have an even number of hex digits");
    assertThatThrownBy(() -> Hex.decodeInt32("ntime", "12345"))
        .hasMessageContaining("ntime must be 8 hex digits");
    assertThatThrownBy(() -> Hex.decodeInt32("ntime", "1234567g"))
        .hasMessageContaining("ntime is not valid hex");
    assertThatThrownBy(() -> Algorithm.fromId("x11"))
        .hasMessage("unknown algorithm 'x11', expected one of sha256d, scrypt");
    assertThat(Algorithm.fromId("SHA256D")).isEqualTo(Algorithm.SHA256D);
  }

  @Provide
  Arbitrary<BigInteger> targets() {
    return Arbitraries.integers()
        .between(0, 256)
        .flatMap(bits ->
            Arbitraries.bigIntegers()
                .between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE))
                .edgeCases(c -> c.includeOnly(BigInteger.ZERO)));
  }

  @Provide
  Arbitrary<byte[]> hashes() {
    // many leading zero bytes at the most significant end, like real share hashes
    return Arbitraries.integers()
        .between(0, 32)
        .flatMap(zeros ->
            Arbitraries.bytes()
                .array(byte[].class)
                .ofSize(32)
                .map(b -> {
                  for (int i = 32 - zeros; i < 32; i++) {
                    b[i] = 0;
                  }
                  return b;
                }));
  }

  static byte[] reversed(byte[] b) {
    byte[] r = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      r[i] = b[b.length - 1 - i];
    }
    return r;
  }
}
