package io.otedama.controller.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Vardiff driven by simulated miners: shares arrive as a Poisson process at {@code hashrate / (d ×
 * 2^32)} per second, on a simulated clock.
 */
class VardiffTest {
  private static final double TWO_32 = 4294967296.0;
  private final Instant start = Instant.parse("2026-05-26T12:00:00Z");

  /** Simulates {@code seconds} of mining with a retarget tick every second; returns vardiff. */
  private Vardiff mine(Vardiff vardiff, double hashrate, int seconds, long seed) {
    Random random = new Random(seed);
    double t = 0;
    double nextShare = nextGap(random, hashrate, vardiff.difficulty());
    for (int tick = 1; tick <= seconds; tick++) {
      while (nextShare <= tick) {
        vardiff.recordShare(vardiff.difficulty());
        nextShare += nextGap(random, hashrate, vardiff.difficulty());
      }
      double before = vardiff.difficulty();
      vardiff.retarget(start.plusSeconds(tick));
      if (vardiff.difficulty() != before) {
        nextShare = tick + nextGap(random, hashrate, vardiff.difficulty()); // memoryless
      }
      t = tick;
    }
    assertThat(t).isEqualTo(seconds);
    return vardiff;
  }

  private static double nextGap(Random random, double hashrate, double difficulty) {
    double rate = hashrate / (difficulty * TWO_32);
    return -Math.log(1 - random.nextDouble()) / rate;
  }

  @Test
  void bringsACpuMinerAtAFewMegahashToAShareEveryTenSecondsWithinTwoMinutes() {
    double hashrate = 3e6; // ideal difficulty 3e6 * 10 / 2^32 = 0.00698
    for (long seed = 1; seed <= 20; seed++) {
      Vardiff v = Vardiff.variable(VardiffSettings.DEFAULTS, 1, start);
      mine(v, hashrate, 120, seed);
      double secondsPerShare = v.difficulty() * TWO_32 / hashrate;
      assertThat(secondsPerShare).as("seed %d", seed).isBetween(3.0, 30.0);
    }
  }

  @Test
  void convergesForAnAsicFromALowStart() {
    double hashrate = 100e12; // 100 TH/s: ideal difficulty about 233,000
    Vardiff v = Vardiff.variable(VardiffSettings.DEFAULTS, 1024, start);
    mine(v, hashrate, 600, 7);
    double secondsPerShare = v.difficulty() * TWO_32 / hashrate;
    assertThat(secondsPerShare).isBetween(5.0, 20.0);
  }

  @Test
  void neverChangesMoreOftenThanTheRetargetIntervalNorByMoreThanTheStep() {
    Vardiff v = Vardiff.variable(VardiffSettings.DEFAULTS, 1, start);
    for (int i = 0; i < 10_000; i++) {
      v.recordShare(1);
    }
    assertThat(v.retarget(start.plusSeconds(29))).isNaN();
    assertThat(v.retarget(start.plusSeconds(30))).isEqualTo(4);
    for (int i = 0; i < 10_000; i++) {
      v.recordShare(4);
    }
    assertThat(v.retarget(start.plusSeconds(59))).isNaN();
    assertThat(v.retarget(start.plusSeconds(60))).isEqualTo(16);
    assertThat(v.previousDifficulty()).isEqualTo(4);
  }

  @Test
  void staysPutWithinTheTolerance() {
    Vardiff v = Vardiff.variable(VardiffSettings.DEFAULTS, 2, start);
    for (int i = 0; i < 3; i++) {
      v.recordShare(2); // 3 shares in 30 s: exactly one per 10 s
    }
    assertThat(v.retarget(start.plusSeconds(30))).isNaN();
    assertThat(v.difficulty()).isEqualTo(2);
  }

  @Test
  void aFixedDifficultyNeverMoves() {
    Vardiff v = Vardiff.fixed(VardiffSettings.DEFAULTS, 0.0001, start);
    assertThat(v.retarget(start.plusSeconds(3600))).isNaN();
    v.set(5, start);
    assertThat(v.difficulty()).isEqualTo(0.0001);
  }

  @Test
  void staysWithinTheBounds() {
    VardiffSettings settings =
        new VardiffSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 4, 0.3, 0.001, 1e6);
    Vardiff v = Vardiff.variable(settings, 0.002, start);
    assertThat(v.retarget(start.plusSeconds(30))).isEqualTo(0.001);
    assertThat(v.retarget(start.plusSeconds(60))).isNaN();
    v.set(1e9, start.plusSeconds(60));
    assertThat(v.difficulty()).isEqualTo(1e6);
  }
}
