package io.otedama.controller.power;

/**
 * The generic PDU profile: the operator names the OIDs (numeric, dotted). Columns are table columns
 * the outlet index is appended to; {@code devicePower} is a full instance OID. Values are the
 * integers the device uses for its states and commands; {@code powerScale} turns raw readings into
 * watts.
 */
public record GenericOids(
    String devicePower,
    String outletNameColumn,
    String outletStateColumn,
    String outletPowerColumn,
    String controlColumn,
    int stateOn,
    int stateOff,
    int commandOn,
    int commandOff,
    int commandCycle,
    double powerScale) {}
