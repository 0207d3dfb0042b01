package io.otedama.protocol.stratum;

import java.io.IOException;

/** A peer sent a line longer than the limit; the reader skips it and stays usable. */
public final class StratumLineTooLongException extends IOException {
  private final int maxLineBytes;

  public StratumLineTooLongException(int maxLineBytes) {
    super("line longer than " + maxLineBytes + " bytes");
    this.maxLineBytes = maxLineBytes;
  }

  public int maxLineBytes() {
    return maxLineBytes;
  }
}
