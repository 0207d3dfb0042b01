package io.otedama.controller.payouts;

import io.otedama.controller.payouts.scheme.AccountTerms;
import io.otedama.controller.payouts.scheme.FeeSchedule;
import io.otedama.controller.payouts.scheme.PayoutScheme;
import java.time.Instant;

/**
 * A hosting client and its contract terms.
 *
 * @param walletAddress the validated payout address, or null (no payouts until set)
 * @param site the site whose electricity tariff applies, or null (electricity not charged)
 */
public record ClientAccount(
    long id,
    String name,
    PayoutScheme scheme,
    FeeSchedule fees,
    long payoutThresholdSats,
    String walletAddress,
    String site,
    Instant createdAt) {
  public AccountTerms terms() {
    return new AccountTerms(scheme, fees);
  }
}
