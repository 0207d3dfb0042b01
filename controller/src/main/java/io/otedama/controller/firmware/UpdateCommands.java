package io.otedama.controller.firmware;

import java.time.Duration;
import java.util.Map;

/** Sends one rig an {@code update-firmware} command; the commands feature in production. */
interface UpdateCommands {

  /** Returns the command id; throws when the command cannot be issued (e.g. the rig is gone). */
  String issue(String rigId, Map<String, Object> args, Duration timeout, String issuedBy);
}
