package io.otedama.controller.payouts.scheme;

import static io.otedama.controller.payouts.scheme.Shares.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ElectricityTariffTest {
  @Test
  void oneKilowattHourAtFiftySatsIsFiftySats() {
    assertThat(ElectricityTariff.chargeSats(d("3600000"), 50_000)).isEqualTo(50);
  }

  @Test
  void theWorkedExamplesRig() {
    // 143 intervals of 600 s at 3250 W = 278 850 000 Ws = 77.458 kWh; at 50 sats/kWh that is
    // 278 850 000 * 50 000 / 3.6e9 = 3872.92 -> 3872 sats
    assertThat(ElectricityTariff.chargeSats(d("278850000"), 50_000)).isEqualTo(3_872);
  }

  @Test
  void roundsDownInTheClientsFavour() {
    // 3 599 999 Ws at 1 sat/kWh = 0.99999972 sats -> 0
    assertThat(ElectricityTariff.chargeSats(d("3599999"), 1_000)).isZero();
    // fractional energy: 1800000.5 Ws at 2 sats/kWh = 1.00000028 -> 1
    assertThat(ElectricityTariff.chargeSats(d("1800000.5"), 2_000)).isEqualTo(1);
  }

  @Test
  void refusesNegativeFigures() {
    assertThatThrownBy(() -> ElectricityTariff.chargeSats(d("-1"), 1))
        .hasMessageContaining("energy >= 0");
  }
}
