package io.otedama.controller.payouts;

/** A site and its electricity price in millisatoshis per kWh (50 sats/kWh = 50 000). */
public record Site(String name, long electricityMsatPerKwh) {
  public Site {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a site needs a name");
    }
    name = name.strip();
    if (electricityMsatPerKwh < 0) {
      throw new IllegalArgumentException(
          "electricity price must not be negative, got " + electricityMsatPerKwh + " msat/kWh");
    }
  }
}
