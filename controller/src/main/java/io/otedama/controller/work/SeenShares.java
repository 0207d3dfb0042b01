package io.otedama.controller.work;

/**
 * The shares already accepted for one job, for duplicate detection: a set of 64-bit keys (the first
 * eight bytes of each share's hash, which identify the header: a different extranonce2, ntime,
 * nonce or version gives a different hash). Lock-striped open addressing over {@code long[]}, so a
 * check allocates nothing; bounded by {@code capacity} keys. It lives and dies with its {@link
 * IssuedJob}, so the memory goes when the job expires.
 *
 * <p>Thread-safe.
 */
public final class SeenShares {
  private static final int STRIPES = 16;
  private final Stripe[] stripes = new Stripe[STRIPES];
  private final int capacityPerStripe;

  /**
   * @param capacity the most keys kept (spread over the stripes)
   */
  public SeenShares(int capacity) {
    this.capacityPerStripe = Math.max(16, capacity / STRIPES);
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe();
    }
  }

  /** What {@link #add} found. */
  public enum Result {
    ADDED,
    DUPLICATE,
    FULL
  }

  /** Adds the key, or says it was there already (or that the set is full). */
  public Result add(long key) {
    long k = key == 0 ? 1 : key; // 0 marks an empty slot
    long mixed = k * 0x9E3779B97F4A7C15L;
    Stripe stripe = stripes[(int) (mixed >>> 60)];
    synchronized (stripe) {
      return stripe.add(k, mixed, capacityPerStripe);
    }
  }

  /** Keys held. */
  public int size() {
    int n = 0;
    for (Stripe s : stripes) {
      synchronized (s) {
        n += s.size;
      }
    }
    return n;
  }

  private static final class Stripe {
    private long[] table = new long[64];
    private int size;

    Result add(long key, long mixed, int capacity) {
      int mask = table.length - 1;
      int i = (int) mixed & mask;
      while (true) {
        long existing = table[i];
        if (existing == key) {
          return Result.DUPLICATE;
        }
        if (existing == 0) {
          break;
        }
        i = (i + 1) & mask;
      }
      if (size >= capacity) {
        return Result.FULL;
      }
      table[i] = key;
      size++;
      if (size * 2 > table.length) {
        grow();
      }
      return Result.ADDED;
    }

    private void grow() {
      long[] old = table;
      table = new long[old.length * 2];
      int mask = table.length - 1;
      for (long key : old) {
        if (key != 0) {
          int i = (int) (key * 0x9E3779B97F4A7C15L) & mask;
          while (table[i] != 0) {
            i = (i + 1) & mask;
          }
          table[i] = key;
        }
      }
    }
  }
}
