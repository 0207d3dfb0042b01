package io.otedama.controller.payouts.address;

import java.util.Locale;

/**
 * The networks a farm can pay on, with their address prefixes (Bitcoin Core's chainparams).
 * Testnet3, testnet4 and signet share the same prefixes, so {@link #TESTNET} stands for all three.
 * Regtest shares testnet's Base58 versions but has its own Bech32 prefix.
 */
public enum BitcoinNetwork {
  MAINNET("bc", 0x00, 0x05),
  TESTNET("tb", 0x6f, 0xc4),
  REGTEST("bcrt", 0x6f, 0xc4);

  private final String bech32Hrp;
  private final int p2pkhVersion;
  private final int p2shVersion;

  BitcoinNetwork(String bech32Hrp, int p2pkhVersion, int p2shVersion) {
    this.bech32Hrp = bech32Hrp;
    this.p2pkhVersion = p2pkhVersion;
    this.p2shVersion = p2shVersion;
  }

  public String bech32Hrp() {
    return bech32Hrp;
  }

  public int p2pkhVersion() {
    return p2pkhVersion;
  }

  public int p2shVersion() {
    return p2shVersion;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses mainnet/testnet/regtest (also "main", "test", "signet", "testnet4"). */
  public static BitcoinNetwork fromWireName(String text) {
    String name = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "mainnet", "main", "bitcoin" -> MAINNET;
      case "testnet", "test", "testnet3", "testnet4", "signet" -> TESTNET;
      case "regtest" -> REGTEST;
      default ->
          throw new IllegalArgumentException(
              "unknown Bitcoin network '" + text + "': expected mainnet, testnet or regtest");
    };
  }
}
