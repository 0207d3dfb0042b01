package io.otedama.controller.power;

/**
 * Which outlet feeds a rig: the PDU, the outlet index, and the name the PDU must report for that
 * outlet before the controller writes to it. {@code nameplateW} is the rig's rated draw, the last
 * resort when neither the outlet nor the rig reports power; {@code watchdog} lets the watchdog
 * cycle it.
 */
public record OutletMapping(
    String rigId,
    String deviceId,
    int outletIndex,
    String outletName,
    Double nameplateW,
    boolean watchdog) {}
