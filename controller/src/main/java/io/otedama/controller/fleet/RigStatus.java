package io.otedama.controller.fleet;

/** Liveness of a rig as stored in {@code rigs.status} and shown by the API. */
public final class RigStatus {
  public static final String ONLINE = "online";
  public static final String STALE = "stale";
  public static final String OFFLINE = "offline";

  private RigStatus() {}

  public static boolean isValid(String s) {
    return ONLINE.equals(s) || STALE.equals(s) || OFFLINE.equals(s);
  }
}
