package io.otedama.controller.payouts.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTransactionTest {
  private static final LedgerAccountRef WALLET = LedgerAccountRef.farm(LedgerAccountKind.WALLET);
  private static final LedgerAccountRef INCOME =
      LedgerAccountRef.farm(LedgerAccountKind.POOL_INCOME);

  @Test
  void refusesEntriesThatDoNotSumToZero() {
    assertThatThrownBy(() ->
            new LedgerTransaction(
                "k",
                "test",
                "d",
                List.of(new LedgerEntry(WALLET, 10, null), new LedgerEntry(INCOME, -9, null))))
        .hasMessageContaining("does not balance: its entries sum to 1 sats");
  }

  @Test
  void refusesFewerThanTwoEntriesAndZeroAmounts() {
    assertThatThrownBy(() -> LedgerTransaction.builder("k", "t", "d").build())
        .hasMessageContaining("at least two entries");
    assertThatThrownBy(() -> new LedgerEntry(WALLET, 0, null)).hasMessageContaining("0 sats");
  }

  @Test
  void theBuilderSkipsZeroAmountsAndSignsCredits() {
    LedgerTransaction tx =
        LedgerTransaction.builder("k", "t", "d")
            .debit(WALLET, 5, "in")
            .credit(INCOME, 5, "out")
            .credit(INCOME, 0, "nothing")
            .creditSigned(LedgerAccountRef.farm(LedgerAccountKind.REVENUE), -3, "farm pays")
            .credit(LedgerAccountRef.farm(LedgerAccountKind.DUST), 3, "dust")
            .build();
    assertThat(tx.entries()).extracting(LedgerEntry::amountSats).containsExactly(5L, -5L, 3L, -3L);
  }

  @Test
  void accountCodesFollowTheChart() {
    assertThat(WALLET.code()).isEqualTo("farm:wallet");
    assertThat(LedgerAccountRef.client(42, LedgerAccountKind.CLIENT_EARNINGS).code())
        .isEqualTo("client:42:earnings");
    assertThatThrownBy(() -> LedgerAccountRef.client(0, LedgerAccountKind.CLIENT_FEES))
        .hasMessageContaining("needs a client account id");
    assertThatThrownBy(() -> LedgerAccountRef.client(3, LedgerAccountKind.DUST))
        .hasMessageContaining("farm account");
  }
}
