package io.otedama.controller.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PoolEarningsCsvTest {
  @Test
  void readsEarnings() {
    String csv =
        "pool,period_start,period_end,amount_sats\r\n"
            + "braiins,2025-01-01T00:00:00Z,2025-01-02T00:00:00Z,123456\r\n"
            + "\r\n"
            + " ocean , 2025-01-01T00:00:00Z , 2025-01-02T00:00:00Z , 7 \n";
    assertThat(PoolEarningsCsv.parse(csv))
        .containsExactly(
            new PoolEarning(
                "braiins",
                new AccountingPeriod(
                    Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-02T00:00:00Z")),
                123_456),
            new PoolEarning(
                "ocean",
                new AccountingPeriod(
                    Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-02T00:00:00Z")),
                7));
  }

  @Test
  void refusesBadFilesWithTheLineThatIsWrong() {
    assertThatThrownBy(() -> PoolEarningsCsv.parse("pool,amount\n"))
        .hasMessageContaining("must start with the header");
    String header = "pool,period_start,period_end,amount_sats\n";
    assertThatThrownBy(() -> PoolEarningsCsv.parse(header + "p,2025-01-01T00:00:00Z,1\n"))
        .hasMessage("pool earnings CSV line 2: it has 3 fields, expected 4");
    assertThatThrownBy(() -> PoolEarningsCsv.parse(header + "p,yesterday,2025-01-02T00:00:00Z,5\n"))
        .hasMessageContaining("line 2: a time is not ISO-8601");
    assertThatThrownBy(() ->
            PoolEarningsCsv.parse(header + "p,2025-01-01T00:00:00Z,2025-01-02T00:00:00Z,0.5\n"))
        .hasMessage("pool earnings CSV line 2: the amount is not a whole number of satoshis");
    assertThatThrownBy(
            () -> PoolEarningsCsv.parse(header + "p,2025-01-02T00:00:00Z,2025-01-01T00:00:00Z,5\n"))
        .hasMessageContaining("line 2: a period must start before it ends");
    assertThatThrownBy(
            () -> PoolEarningsCsv.parse(header + ",2025-01-01T00:00:00Z,2025-01-02T00:00:00Z,5\n"))
        .hasMessageContaining("needs the pool's name");
  }
}
