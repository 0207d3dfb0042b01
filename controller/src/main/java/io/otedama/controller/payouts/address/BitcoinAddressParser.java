package io.otedama.controller.payouts.address;

import io.otedama.controller.payouts.address.InvalidAddressException.Reason;
import java.util.Arrays;
import java.util.Locale;

/**
 * Validates payout addresses for one network: Base58Check P2PKH/P2SH, Bech32 witness v0 and Bech32m
 * witness v1..16 (BIP-350's decoding rules: v0 must use Bech32 with a 20- or 32-byte program, v1+
 * must use Bech32m with a 2..40-byte program). An address for another network is refused with
 * {@link Reason#WRONG_NETWORK}.
 */
public final class BitcoinAddressParser {
  private final BitcoinNetwork network;

  public BitcoinAddressParser(BitcoinNetwork network) {
    this.network = network;
  }

  public BitcoinNetwork network() {
    return network;
  }

  /** Parses and validates, or throws {@link InvalidAddressException} with a clear reason. */
  public BitcoinAddress parse(String input) {
    if (input == null || input.isBlank()) {
      throw new InvalidAddressException(Reason.MALFORMED, "the payout address is empty");
    }
    String text = input.strip();
    if (looksLikeBech32(text)) {
      return parseSegwit(text);
    }
    return parseBase58(text);
  }

  /** True if {@code input} is a valid address for this network. */
  public boolean isValid(String input) {
    try {
      parse(input);
      return true;
    } catch (InvalidAddressException e) {
      return false;
    }
  }

  /**
   * A Bech32 address starts with a known prefix and '1'; such a string is never valid Base58 anyway
   * ('1' after letters is allowed in Base58, but the prefixes bc/tb/bcrt decode to no standard
   * version byte), so the prefix decides which decoder explains a failure.
   */
  private static boolean looksLikeBech32(String text) {
    int separator = text.lastIndexOf('1');
    if (separator <= 0) {
      return false;
    }
    String hrp = text.substring(0, separator).toLowerCase(Locale.ROOT);
    for (BitcoinNetwork candidate : BitcoinNetwork.values()) {
      if (candidate.bech32Hrp().equals(hrp)) {
        return true;
      }
    }
    // Strings that are not Base58 at all (lower-case 'l', '0', 'O', 'I', ...) get the Bech32
    // decoder's explanation, e.g. an unknown human-readable part.
    return !isBase58Text(text);
  }

  private static boolean isBase58Text(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '0'
          || c == 'O'
          || c == 'I'
          || c == 'l'
          || c > 'z'
          || !Character.isLetterOrDigit(c)) {
        return false;
      }
    }
    return true;
  }

  private BitcoinAddress parseSegwit(String text) {
    Bech32.Decoded decoded = Bech32.decode(text);
    BitcoinNetwork addressNetwork = null;
    for (BitcoinNetwork candidate : BitcoinNetwork.values()) {
      if (candidate.bech32Hrp().equals(decoded.hrp())) {
        addressNetwork = candidate;
      }
    }
    if (addressNetwork == null) {
      throw new InvalidAddressException(
          Reason.MALFORMED,
          "'"
              + decoded.hrp()
              + "' is not a Bitcoin address prefix (expected "
              + network.bech32Hrp()
              + " on "
              + network.wireName()
              + ")");
    }
    byte[] data = decoded.data();
    if (data.length == 0) {
      throw new InvalidAddressException(Reason.MALFORMED, "the SegWit address has no data");
    }
    int version = data[0];
    if (version > 16) {
      throw new InvalidAddressException(
          Reason.UNSUPPORTED, "witness version " + version + " does not exist (0..16)");
    }
    byte[] program = Bech32.convertBits(data, 1, 5, 8, false);
    if (program == null) {
      throw new InvalidAddressException(
          Reason.MALFORMED, "the SegWit address has invalid padding in its witness program");
    }
    if (program.length < 2 || program.length > 40) {
      throw new InvalidAddressException(
          Reason.UNSUPPORTED, "a witness program has 2..40 bytes; this one has " + program.length);
    }
    if (version == 0 && program.length != 20 && program.length != 32) {
      throw new InvalidAddressException(
          Reason.UNSUPPORTED,
          "a witness v0 program has 20 or 32 bytes (BIP-141); this one has " + program.length);
    }
    Bech32.Encoding required = version == 0 ? Bech32.Encoding.BECH32 : Bech32.Encoding.BECH32M;
    if (decoded.encoding() != required) {
      throw new InvalidAddressException(
          Reason.BAD_CHECKSUM,
          "a witness v"
              + version
              + " address must use "
              + (version == 0 ? "Bech32 (BIP-173)" : "Bech32m (BIP-350)")
              + ", this one uses "
              + (version == 0 ? "Bech32m" : "Bech32"));
    }
    if (addressNetwork != network) {
      throw wrongNetwork(addressNetwork.wireName());
    }
    AddressType type;
    if (version == 0) {
      type = program.length == 20 ? AddressType.P2WPKH : AddressType.P2WSH;
    } else if (version == 1 && program.length == 32) {
      type = AddressType.P2TR;
    } else {
      type = AddressType.WITNESS_UNKNOWN;
    }
    return new BitcoinAddress(text.toLowerCase(Locale.ROOT), network, type, version, program);
  }

  private BitcoinAddress parseBase58(String text) {
    byte[] payload = Base58Check.decode(text);
    if (payload.length != 21) {
      throw new InvalidAddressException(
          Reason.MALFORMED,
          "a P2PKH or P2SH address holds 21 bytes; this Base58Check string holds "
              + payload.length);
    }
    int version = payload[0] & 0xff;
    byte[] hash = Arrays.copyOfRange(payload, 1, 21);
    if (version == network.p2pkhVersion()) {
      return new BitcoinAddress(text, network, AddressType.P2PKH, -1, hash);
    }
    if (version == network.p2shVersion()) {
      return new BitcoinAddress(text, network, AddressType.P2SH, -1, hash);
    }
    if (version == BitcoinNetwork.MAINNET.p2pkhVersion()
        || version == BitcoinNetwork.MAINNET.p2shVersion()) {
      throw wrongNetwork("mainnet");
    }
    if (version == BitcoinNetwork.TESTNET.p2pkhVersion()
        || version == BitcoinNetwork.TESTNET.p2shVersion()) {
      throw wrongNetwork("testnet/regtest");
    }
    throw new InvalidAddressException(
        Reason.MALFORMED,
        "version byte 0x" + Integer.toHexString(version) + " is not a P2PKH or P2SH address");
  }

  private InvalidAddressException wrongNetwork(String addressNetwork) {
    return new InvalidAddressException(
        Reason.WRONG_NETWORK,
        "this is a " + addressNetwork + " address, but the farm pays on " + network.wireName());
  }
}
