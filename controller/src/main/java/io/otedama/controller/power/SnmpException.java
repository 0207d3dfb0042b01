package io.otedama.controller.power;

/** An SNMP exchange that did not give an answer: a timeout, an error status, a refused write. */
public class SnmpException extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean timeout;

  public SnmpException(String message, boolean timeout) {
    super(message);
    this.timeout = timeout;
  }

  public SnmpException(String message, Throwable cause) {
    super(message, cause);
    this.timeout = false;
  }

  public boolean isTimeout() {
    return timeout;
  }
}
