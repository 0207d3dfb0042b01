package io.otedama.controller.payouts.scheme;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where one earning goes: {@code sum(credits' gross) + farmShare + dust == amount} exactly. Each
 * credit's gross further splits into its fees and its net, so also {@code sum(net) + sum(fees) +
 * farmShare + dust == amount}.
 *
 * <p>{@code farmShare} is what the farm keeps: the parts of its own rigs and of accounts on other
 * schemes. When one earning is split under two schemes (PPLNS accounts by their window, PROP
 * accounts by their round) the two splits are independent and the farm's share is the remainder,
 * which can be negative: the farm then pays the difference, as it does for PPS.
 */
public record Distribution(
    long amountSats, List<CreditShare> credits, long farmShareSats, long dustSats) {
  public Distribution {
    credits = List.copyOf(credits);
    long sum = Math.addExact(farmShareSats, dustSats);
    for (CreditShare credit : credits) {
      sum = Math.addExact(sum, credit.grossSats());
    }
    if (sum != amountSats || dustSats < 0) {
      throw new IllegalArgumentException(
          "distribution of "
              + amountSats
              + " sats does not add up: credits "
              + credits
              + ", farm "
              + farmShareSats
              + ", dust "
              + dustSats);
    }
  }

  /** The whole amount to the farm (nobody's shares qualify). */
  public static Distribution allToFarm(long amountSats) {
    return new Distribution(amountSats, List.of(), amountSats, 0);
  }

  /**
   * Combines independent splits of the same earning: credits and dust add up, and the farm gets
   * what is left.
   */
  public static Distribution combine(long amountSats, List<Distribution> splits) {
    List<CreditShare> credits = new ArrayList<>();
    long credited = 0;
    long dust = 0;
    for (Distribution split : splits) {
      if (split.amountSats() != amountSats) {
        throw new IllegalArgumentException(
            "cannot combine splits of " + split.amountSats() + " and " + amountSats + " sats");
      }
      for (CreditShare credit : split.credits()) {
        credits.add(credit);
        credited = Math.addExact(credited, credit.grossSats());
      }
      dust = Math.addExact(dust, split.dustSats());
    }
    credits.sort(Comparator.comparingLong(CreditShare::accountId));
    return new Distribution(amountSats, credits, amountSats - credited - dust, dust);
  }

  public long creditedSats() {
    long sum = 0;
    for (CreditShare credit : credits) {
      sum += credit.grossSats();
    }
    return sum;
  }
}
