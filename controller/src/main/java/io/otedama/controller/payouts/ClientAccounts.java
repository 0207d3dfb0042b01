package io.otedama.controller.payouts;

import io.otedama.controller.payouts.address.BitcoinAddressParser;
import io.otedama.controller.payouts.scheme.FeeSchedule;
import io.otedama.controller.payouts.scheme.PayoutScheme;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Creates and changes client accounts: contract terms, payout address (validated for the farm's
 * network), site, and which rigs work for them. Term changes apply from the next accounting run.
 */
public final class ClientAccounts {
  /** Bitcoin Core's dust limit for a P2PKH output: a smaller payout would not relay. */
  public static final long MIN_PAYOUT_THRESHOLD_SATS = 546;

  private final Jdbi jdbi;
  private final BitcoinAddressParser addresses;

  public ClientAccounts(Jdbi jdbi, BitcoinAddressParser addresses) {
    this.jdbi = jdbi;
    this.addresses = addresses;
  }

  public ClientAccount create(NewClientAccount account) {
    checkThreshold(account.payoutThresholdSats());
    String address = canonicalAddress(account.walletAddress());
    return jdbi.inTransaction(handle -> {
      ClientAccountDao dao = handle.attach(ClientAccountDao.class);
      if (dao.findByName(account.name()).isPresent()) {
        throw new PayoutConflictException(
            "a client account named '" + account.name() + "' already exists");
      }
      requireSite(dao, account.site());
      return dao.insert(
          account.name(),
          account.scheme().wireName(),
          account.fees().poolFeeBps(),
          account.fees().hostingFeeBps(),
          account.payoutThresholdSats(),
          address,
          account.site());
    });
  }

  public ClientAccount get(long id) {
    return jdbi.withExtension(ClientAccountDao.class, dao -> dao.find(id))
        .orElseThrow(() -> notFound(id));
  }

  public List<ClientAccount> list() {
    return jdbi.withExtension(ClientAccountDao.class, ClientAccountDao::list);
  }

  public ClientAccount updateTerms(
      long id, PayoutScheme scheme, FeeSchedule fees, long payoutThresholdSats) {
    checkThreshold(payoutThresholdSats);
    return jdbi.withExtension(
            ClientAccountDao.class,
            dao ->
                dao.updateTerms(
                    id,
                    scheme.wireName(),
                    fees.poolFeeBps(),
                    fees.hostingFeeBps(),
                    payoutThresholdSats))
        .orElseThrow(() -> notFound(id));
  }

  /** Sets the payout address (validated for the farm's network), or clears it with null. */
  public ClientAccount setWalletAddress(long id, String walletAddress) {
    String address = canonicalAddress(walletAddress);
    return jdbi.withExtension(ClientAccountDao.class, dao -> dao.updateWalletAddress(id, address))
        .orElseThrow(() -> notFound(id));
  }

  /** Sets the site whose tariff applies, or null to stop charging electricity. */
  public ClientAccount setSite(long id, String site) {
    return jdbi.inTransaction(handle -> {
      ClientAccountDao dao = handle.attach(ClientAccountDao.class);
      requireSite(dao, site);
      return dao.updateSite(id, site).orElseThrow(() -> notFound(id));
    });
  }

  /** Creates a site or changes its price (applies from the next accounting run). */
  public Site defineSite(Site site) {
    jdbi.useExtension(
        ClientAccountDao.class, dao -> dao.upsertSite(site.name(), site.electricityMsatPerKwh()));
    return site;
  }

  public List<Site> sites() {
    return jdbi.withExtension(ClientAccountDao.class, ClientAccountDao::sites);
  }

  /** Puts a rig to work for an account, or back to the farm's own with null. */
  public void assignRig(String rigId, Long accountId) {
    jdbi.useTransaction(handle -> {
      ClientAccountDao dao = handle.attach(ClientAccountDao.class);
      if (accountId != null && dao.find(accountId).isEmpty()) {
        throw notFound(accountId);
      }
      if (dao.assignRig(rigId, accountId) == 0) {
        throw new PayoutNotFoundException("no rig with id '" + rigId + "'");
      }
      // the console's visibility link says the same thing (V40): the client sees the rig it pays
      // for, and no longer one it stopped paying for
      handle
          .createUpdate("DELETE FROM client_rigs WHERE rig_id = :rig AND account_id <> :account")
          .bind("rig", rigId)
          .bind("account", accountId == null ? -1L : accountId)
          .execute();
      if (accountId != null) {
        handle
            .createUpdate(
                "INSERT INTO client_rigs (account_id, rig_id) VALUES (:account, :rig)"
                    + " ON CONFLICT DO NOTHING")
            .bind("account", accountId)
            .bind("rig", rigId)
            .execute();
      }
    });
  }

  public List<String> rigsOf(long accountId) {
    return jdbi.withExtension(ClientAccountDao.class, dao -> dao.rigsOf(accountId));
  }

  private String canonicalAddress(String walletAddress) {
    return walletAddress == null || walletAddress.isBlank()
        ? null
        : addresses.parse(walletAddress).text();
  }

  private static void checkThreshold(long thresholdSats) {
    if (thresholdSats < MIN_PAYOUT_THRESHOLD_SATS) {
      throw new IllegalArgumentException(
          "the payout threshold must be at least "
              + MIN_PAYOUT_THRESHOLD_SATS
              + " sats (the dust limit), got "
              + thresholdSats);
    }
  }

  private static void requireSite(ClientAccountDao dao, String site) {
    if (site != null && dao.findSite(site).isEmpty()) {
      throw new PayoutNotFoundException("no site named '" + site + "'; define it first");
    }
  }

  private static PayoutNotFoundException notFound(long id) {
    return new PayoutNotFoundException("no client account with id " + id);
  }
}
