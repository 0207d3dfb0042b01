package io.otedama.controller.power;

/** One outlet as last read: its index, the name the PDU reports, on/off, and watts if metered. */
public record OutletReading(int index, String name, String state, Double powerW) {}
