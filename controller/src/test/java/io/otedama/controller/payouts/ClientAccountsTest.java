package io.otedama.controller.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otedama.controller.payouts.address.BitcoinAddressParser;
import io.otedama.controller.payouts.address.BitcoinNetwork;
import io.otedama.controller.payouts.address.InvalidAddressException;
import io.otedama.controller.payouts.scheme.FeeSchedule;
import io.otedama.controller.payouts.scheme.PayoutScheme;
import io.otedama.controller.payouts.testing.PayoutTestDatabase;
import io.otedama.controller.payouts.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClientAccountsTest {
  private static TestDatabase db;
  private static ClientAccounts accounts;

  @BeforeAll
  static void database() {
    db = PayoutTestDatabase.create();
    accounts = new ClientAccounts(db.jdbi(), new BitcoinAddressParser(BitcoinNetwork.MAINNET));
    accounts.defineSite(new Site("south", 40_000));
    db.insertRig("rig-1");
  }

  private static NewClientAccount account(String name, String address) {
    return new NewClientAccount(
        name, PayoutScheme.PPLNS, new FeeSchedule(100, 50), 10_000, address, "south");
  }

  @Test
  void createsAccountsWithCanonicalAddresses() {
    ClientAccount created =
        accounts.create(account("Upper", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4"));
    // Bech32 is stored in its canonical lower case
    assertThat(created.walletAddress()).isEqualTo("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
    assertThat(created.fees()).isEqualTo(new FeeSchedule(100, 50));
    assertThat(accounts.get(created.id())).isEqualTo(created);
    assertThat(accounts.list()).contains(created);
  }

  @Test
  void refusesAnAddressForAnotherNetwork() {
    assertThatThrownBy(
            () -> accounts.create(account("Testnetter", "mzK2FFDEhxqHcmrJw1ysqFkVyhUULo45hZ")))
        .isInstanceOf(InvalidAddressException.class)
        .hasMessage("this is a testnet/regtest address, but the farm pays on mainnet");
    assertThat(accounts.list()).noneMatch(a -> a.name().equals("Testnetter"));
  }

  @Test
  void refusesDuplicatesTinyThresholdsAndUnknownSites() {
    accounts.create(account("Dup", null));
    assertThatThrownBy(() -> accounts.create(account("Dup", null)))
        .isInstanceOf(PayoutConflictException.class);
    assertThatThrownBy(() ->
            accounts.create(
                new NewClientAccount("Tiny", PayoutScheme.PPS, FeeSchedule.NONE, 545, null, null)))
        .hasMessageContaining("at least 546 sats");
    assertThatThrownBy(() ->
            accounts.create(
                new NewClientAccount(
                    "Nowhere", PayoutScheme.PPS, FeeSchedule.NONE, 1_000, null, "mars")))
        .isInstanceOf(PayoutNotFoundException.class)
        .hasMessageContaining("no site named 'mars'");
  }

  @Test
  void changesTermsAddressSiteAndRigs() {
    ClientAccount account = accounts.create(account("Changer", null));
    ClientAccount changed =
        accounts.updateTerms(account.id(), PayoutScheme.FPPS, new FeeSchedule(200, 0), 50_000);
    assertThat(changed.scheme()).isEqualTo(PayoutScheme.FPPS);
    assertThat(changed.payoutThresholdSats()).isEqualTo(50_000);
    assertThat(
            accounts
                .setWalletAddress(account.id(), "36j4NfKv6Akva9amjWrLG6MuSQym1GuEmm")
                .walletAddress())
        .isEqualTo("36j4NfKv6Akva9amjWrLG6MuSQym1GuEmm");
    assertThat(accounts.setWalletAddress(account.id(), null).walletAddress()).isNull();
    assertThat(accounts.setSite(account.id(), null).site()).isNull();

    accounts.assignRig("rig-1", account.id());
    assertThat(accounts.rigsOf(account.id())).containsExactly("rig-1");
    accounts.assignRig("rig-1", null);
    assertThat(accounts.rigsOf(account.id())).isEmpty();
    assertThatThrownBy(() -> accounts.assignRig("no-such-rig", account.id()))
        .isInstanceOf(PayoutNotFoundException.class);
    assertThatThrownBy(() -> accounts.assignRig("rig-1", 99_999L))
        .isInstanceOf(PayoutNotFoundException.class);
    assertThatThrownBy(() -> accounts.get(99_999)).isInstanceOf(PayoutNotFoundException.class);
  }

  @Test
  void theDatabaseRefusesTermsTheCodeWouldRefuse() {
    assertThatThrownBy(() ->
            db.sql(
                "INSERT INTO client_accounts (name, scheme, pool_fee_bps, hosting_fee_bps,"
                    + " payout_threshold_sats) VALUES ('raw', 'pplns', 6000, 5000, 1000)"))
        .hasMessageContaining("check constraint");
    assertThatThrownBy(() ->
            db.sql(
                "INSERT INTO client_accounts (name, scheme, pool_fee_bps, hosting_fee_bps,"
                    + " payout_threshold_sats) VALUES ('raw', 'solo', 0, 0, 1000)"))
        .hasMessageContaining("check constraint");
  }
}
