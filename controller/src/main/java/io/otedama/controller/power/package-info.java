/**
 * Power: PDUs and switches polled over SNMP (SNMP4J), the rig-to-outlet mapping, outlet control
 * (power-cycle by operators and by the watchdog, with rate limits), curtailment events, and the
 * efficiency (J/TH) view. May depend on {@code auth} (audit log, roles), {@code commands} (to send
 * {@code set-power-mode}), {@code api} and the database; nothing depends on it but the wiring.
 */
package io.otedama.controller.power;
