package io.otedama.controller.stratum;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test stand-in for the fleet's registry: known accounts (with the group their rigs go in) get
 * one rig per worker name, created on first use.
 */
final class InMemoryStratumRigRegistry implements StratumRigRegistry {
  private final Map<String, Long> accounts = new ConcurrentHashMap<>();
  final Map<String, StratumRig> rigs = new ConcurrentHashMap<>();

  InMemoryStratumRigRegistry account(String name, Long groupId) {
    accounts.put(name, groupId == null ? -1L : groupId);
    return this;
  }

  @Override
  public Optional<StratumRig> resolve(String account, String worker) {
    Long group = accounts.get(account);
    if (group == null) {
      return Optional.empty();
    }
    String key = account + "." + worker;
    return Optional.of(
        rigs.computeIfAbsent(
            key,
            k ->
                new StratumRig(
                    ("s-" + account + "-" + (worker.isEmpty() ? "default" : worker))
                        .toLowerCase(Locale.ROOT),
                    account,
                    group < 0 ? null : group)));
  }
}
