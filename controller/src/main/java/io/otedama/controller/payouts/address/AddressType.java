package io.otedama.controller.payouts.address;

/** The output types a payout can go to. */
public enum AddressType {
  P2PKH,
  P2SH,
  /** Witness v0, 20-byte program. */
  P2WPKH,
  /** Witness v0, 32-byte program. */
  P2WSH,
  /** Witness v1, 32-byte program (BIP-341). */
  P2TR,
  /**
   * A witness version or length without a defined meaning yet; BIP-350 asks senders to accept it
   * (the recipient alone can spend, or nobody).
   */
  WITNESS_UNKNOWN
}
