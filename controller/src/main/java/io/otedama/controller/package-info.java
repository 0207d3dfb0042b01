/**
 * The Otedama controller service. Feature packages (fleet, telemetry, work, shares, ...) own their
 * domain, service, DAO and resource; adapters to MQTT, SNMP, Stratum sockets and Quartz live at the
 * edge.
 */
package io.otedama.controller;
