package io.otedama.controller.payouts;

import java.util.Locale;
import java.util.regex.Pattern;

/** Bitcoin transaction ids: 64 hex digits, stored in lower case (as bitcoind prints them). */
public final class Txid {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");

  private Txid() {}

  /** Validates and lower-cases a txid, or throws with a clear message. */
  public static String normalize(String txid) {
    if (txid == null || !HEX64.matcher(txid.strip()).matches()) {
      throw new IllegalArgumentException(
          "a transaction id is 64 hexadecimal digits, got '" + txid + "'");
    }
    return txid.strip().toLowerCase(Locale.ROOT);
  }
}
