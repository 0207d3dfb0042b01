package io.otedama.agent.device.asic;

/** The miner answered its API with an error status, or with something that is not an answer. */
public final class CgminerException extends Exception {
  public CgminerException(String message) {
    super(message);
  }
}
