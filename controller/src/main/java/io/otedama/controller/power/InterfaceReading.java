package io.otedama.controller.power;

/** One switch port from IF-MIB: ifName, 64-bit octet counters, oper status up or not. */
public record InterfaceReading(int index, String name, long inOctets, long outOctets, boolean up) {}
