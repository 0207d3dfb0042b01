package io.otedama.controller.payouts.address;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A validated payout address.
 *
 * @param text the address as it should be stored and sent: Bech32 in lower case (its canonical
 *     form), Base58 as given
 * @param network the network it was validated for
 * @param type the output type
 * @param witnessVersion 0..16 for SegWit addresses, -1 for Base58 ones
 */
public record BitcoinAddress(
    String text, BitcoinNetwork network, AddressType type, int witnessVersion, byte[] program) {
  public BitcoinAddress {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(type, "type");
    program = program.clone();
  }

  /** The hash (P2PKH, P2SH) or witness program. */
  @Override
  public byte[] program() {
    return program.clone();
  }

  /** The output script paying this address. */
  public byte[] scriptPubKey() {
    byte[] script;
    switch (type) {
      case P2PKH -> {
        script = new byte[25];
        script[0] = 0x76; // OP_DUP
        script[1] = (byte) 0xa9; // OP_HASH160
        script[2] = 20;
        System.arraycopy(program, 0, script, 3, 20);
        script[23] = (byte) 0x88; // OP_EQUALVERIFY
        script[24] = (byte) 0xac; // OP_CHECKSIG
      }
      case P2SH -> {
        script = new byte[23];
        script[0] = (byte) 0xa9; // OP_HASH160
        script[1] = 20;
        System.arraycopy(program, 0, script, 2, 20);
        script[22] = (byte) 0x87; // OP_EQUAL
      }
      default -> {
        script = new byte[2 + program.length];
        script[0] = (byte) (witnessVersion == 0 ? 0 : 0x50 + witnessVersion); // OP_0, OP_1..OP_16
        script[1] = (byte) program.length;
        System.arraycopy(program, 0, script, 2, program.length);
      }
    }
    return script;
  }

  public String scriptPubKeyHex() {
    return HexFormat.of().formatHex(scriptPubKey());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BitcoinAddress that
        && text.equals(that.text)
        && network == that.network
        && type == that.type
        && witnessVersion == that.witnessVersion
        && Arrays.equals(program, that.program);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, network, type, witnessVersion, Arrays.hashCode(program));
  }

  @Override
  public String toString() {
    return text;
  }
}
