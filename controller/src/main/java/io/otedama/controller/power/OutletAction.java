package io.otedama.controller.power;

import java.util.Locale;

/** What can be done to an outlet. */
public enum OutletAction {
  ON,
  OFF,
  CYCLE;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  int command(PduProfile profile) {
    return switch (this) {
      case ON -> profile.commandOn();
      case OFF -> profile.commandOff();
      case CYCLE -> profile.commandCycle();
    };
  }
}
