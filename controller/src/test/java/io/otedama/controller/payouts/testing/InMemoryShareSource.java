package io.otedama.controller.payouts.testing;

import io.otedama.controller.payouts.ShareSource;
import io.otedama.controller.payouts.scheme.ShareRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A share log in memory, for payouts tests until the shares feature's log exists; it implements the
 * {@link ShareSource} contract literally.
 */
public final class InMemoryShareSource implements ShareSource {
  private final List<ShareRecord> shares = new CopyOnWriteArrayList<>();

  public InMemoryShareSource add(ShareRecord... records) {
    shares.addAll(List.of(records));
    return this;
  }

  public InMemoryShareSource addAll(List<ShareRecord> records) {
    shares.addAll(records);
    return this;
  }

  @Override
  public List<ShareRecord> sharesInPeriod(Instant fromInclusive, Instant toExclusive) {
    return shares.stream()
        .filter(s -> !s.ts().isBefore(fromInclusive) && s.ts().isBefore(toExclusive))
        .toList();
  }

  @Override
  public List<ShareRecord> sharesInRound(Instant afterExclusive, Instant untilInclusive) {
    return shares.stream()
        .filter(s -> afterExclusive == null || s.ts().isAfter(afterExclusive))
        .filter(s -> !s.ts().isAfter(untilInclusive))
        .toList();
  }

  @Override
  public List<ShareRecord> sharesInWindow(Instant untilInclusive, BigDecimal difficulty) {
    List<ShareRecord> newestFirst =
        new ArrayList<>(shares.stream().filter(s -> !s.ts().isAfter(untilInclusive)).toList());
    newestFirst.sort(ShareRecord.NEWEST_FIRST);
    List<ShareRecord> window = new ArrayList<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (ShareRecord share : newestFirst) {
      if (sum.compareTo(difficulty) >= 0) {
        break;
      }
      window.add(share);
      sum = sum.add(share.difficulty());
    }
    return window;
  }
}
