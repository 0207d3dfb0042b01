package io.otedama.controller.demo;

import io.otedama.controller.payouts.address.Bech32;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The demo's hosting clients: one per payout scheme, each with a regtest payout address (a P2WPKH
 * program derived from its name, so it is the same at every start) and, for two of them, the demo
 * site's electricity price. The demo's rigs are shared out among them round-robin. Public so the
 * console's browser tests seed the same accounts.
 */
public final class DemoAccounts {
  /**
   * What the demo charges for electricity: 1000 sats per kWh, dear, so that a minute's energy of a
   * simulated rig (about 3 kW) is a visible charge of some 50 sats rather than rounded to nothing.
   */
  public static final long SITE_MSAT_PER_KWH = 1_000_000;

  public static final String SITE = "demo-site";

  /** One demo client. */
  public record Client(
      String name, String scheme, int poolFeeBps, int hostingFeeBps, boolean onSite) {
    public String address() {
      return regtestAddress(name);
    }
  }

  public static final List<Client> CLIENTS =
      List.of(
          new Client("alice", "pplns", 100, 200, true),
          new Client("bob", "prop", 100, 0, true),
          new Client("carol", "pps", 200, 100, false));

  /** The payout threshold of the demo accounts: low, so every batch pays someone. */
  public static final long THRESHOLD_SATS = 10_000;

  private DemoAccounts() {}

  /** A valid regtest P2WPKH address ({@code bcrt1q...}) whose program is SHA-256(name)[0..20]. */
  public static String regtestAddress(String name) {
    byte[] program;
    try {
      program =
          java.util.Arrays.copyOf(
              MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)),
              20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    byte[] five = Bech32.convertBits(program, 0, 8, 5, true);
    byte[] data = new byte[five.length + 1];
    data[0] = 0; // witness version 0
    System.arraycopy(five, 0, data, 1, five.length);
    return Bech32.encode("bcrt", data, Bech32.Encoding.BECH32);
  }
}
