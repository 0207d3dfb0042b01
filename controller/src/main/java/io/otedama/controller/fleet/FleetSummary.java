package io.otedama.controller.fleet;

/**
 * The fleet at a glance (CONTRACTS §4). Hashrate and power add up rigs that are not offline (an
 * offline rig's last figures are history); share counts add up every rig.
 */
public record FleetSummary(
    long rigsTotal,
    long rigsOnline,
    long rigsStale,
    long rigsOffline,
    double hashrateHs,
    double powerW,
    long acceptedShares,
    long rejectedShares) {}
