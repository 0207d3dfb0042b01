package io.otedama.controller.payouts.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlockSubsidyTest {
  @Test
  void halvesEvery210000Blocks() {
    assertThat(BlockSubsidy.atHeight(0)).isEqualTo(5_000_000_000L);
    assertThat(BlockSubsidy.atHeight(209_999)).isEqualTo(5_000_000_000L);
    assertThat(BlockSubsidy.atHeight(210_000)).isEqualTo(2_500_000_000L);
    assertThat(BlockSubsidy.atHeight(840_000)).isEqualTo(312_500_000L);
    assertThat(BlockSubsidy.atHeight(6_930_000)).isZero(); // 33 halvings: below one satoshi
    assertThat(BlockSubsidy.atHeight(64L * 210_000)).isZero();
  }
}
