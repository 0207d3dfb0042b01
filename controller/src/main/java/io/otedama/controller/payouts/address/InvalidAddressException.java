package io.otedama.controller.payouts.address;

/** A payout address was refused; the message says why in one sentence. */
public final class InvalidAddressException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Why an address was refused. */
  public enum Reason {
    /** Not a well-formed Base58Check or Bech32/Bech32m string. */
    MALFORMED,
    /** Well-formed, but its checksum does not match (a typo, most likely). */
    BAD_CHECKSUM,
    /** A valid address, but for another network than the one the farm pays on. */
    WRONG_NETWORK,
    /** Decodes, but is not a standard output (bad witness version or program length, ...). */
    UNSUPPORTED
  }

  private final Reason reason;

  public InvalidAddressException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
