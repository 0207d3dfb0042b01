package io.otedama.controller.payouts;

import io.otedama.controller.payouts.ledger.ClientBalance;
import java.time.Instant;
import java.util.List;

/** A client account as {@code GET /api/v1/accounts} shows it: its terms and ledger balance. */
public record AccountView(
    long id,
    String name,
    String scheme,
    int poolFeeBps,
    int hostingFeeBps,
    long payoutThresholdSats,
    String walletAddress,
    String site,
    Instant createdAt,
    List<String> rigs,
    long earningsSats,
    long feesSats,
    long electricitySats,
    long paidSats,
    long payableSats) {
  static AccountView of(ClientAccount a, ClientBalance b, List<String> rigs) {
    return new AccountView(
        a.id(),
        a.name(),
        a.scheme().wireName(),
        a.fees().poolFeeBps(),
        a.fees().hostingFeeBps(),
        a.payoutThresholdSats(),
        a.walletAddress(),
        a.site(),
        a.createdAt(),
        rigs,
        b == null ? 0 : b.earningsSats(),
        b == null ? 0 : b.feesSats(),
        b == null ? 0 : b.electricitySats(),
        b == null ? 0 : b.payoutsSats(),
        b == null ? 0 : b.payableSats());
  }
}
