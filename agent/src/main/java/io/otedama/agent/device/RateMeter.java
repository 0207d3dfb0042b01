package io.otedama.agent.device;

/**
 * A rate from a cumulative counter (e.g. hashes done), smoothed exponentially over about {@code
 * windowMillis} so a 10-second telemetry interval shows a steady figure. Thread-safe.
 */
public final class RateMeter {
  private final double windowMillis;
  private long lastCount;
  private long lastMillis = -1;
  private double rate;

  public RateMeter(long windowMillis) {
    this.windowMillis = windowMillis;
  }

  /** Feeds the counter's current value and returns the rate per second. */
  public synchronized double update(long count, long nowMillis) {
    if (lastMillis < 0) {
      lastMillis = nowMillis;
      lastCount = count;
      return rate;
    }
    long dt = nowMillis - lastMillis;
    if (dt <= 0) {
      return rate;
    }
    double instant = (count - lastCount) * 1000.0 / dt;
    double alpha = 1 - Math.exp(-dt / windowMillis);
    rate = rate == 0 ? instant : rate + alpha * (instant - rate);
    lastMillis = nowMillis;
    lastCount = count;
    return rate;
  }

  public synchronized double rate() {
    return rate;
  }

  public synchronized void reset() {
    lastMillis = -1;
    rate = 0;
  }
}
