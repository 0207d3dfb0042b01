package io.otedama.controller.payouts;

import io.otedama.controller.payouts.ledger.ClientBalance;
import java.util.List;
import java.util.Map;

/**
 * The ledger's balances for {@code GET /api/v1/accounts}, each on its account's normal side.
 *
 * @param farmSats the farm accounts by code ({@code farm:wallet}, {@code farm:pool_income}, {@code
 *     farm:revenue}, {@code farm:dust}, {@code farm:payouts_clearing}); all five always present
 * @param clients every client account, in id order
 */
public record LedgerBalances(Map<String, Long> farmSats, List<ClientBalance> clients) {
  public LedgerBalances {
    farmSats = Map.copyOf(farmSats);
    clients = List.copyOf(clients);
  }
}
