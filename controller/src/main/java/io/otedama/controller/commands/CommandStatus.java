package io.otedama.controller.commands;

/** Where a command is: queued, sent, acked, then succeeded, failed or timed_out (final). */
public final class CommandStatus {
  public static final String QUEUED = "queued";
  public static final String SENT = "sent";
  public static final String ACKED = "acked";
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";
  public static final String TIMED_OUT = "timed_out";

  private CommandStatus() {}
}
