/**
 * The Otedama controller service. {@link io.otedama.controller.OtedamaApplication#wire} assembles
 * it; {@link io.otedama.controller.ControllerCore} is what edges (the MQTT transport) and later
 * features receive. Feature packages (fleet, commands, auth, ...) own their domain, service, DAO
 * and resource; adapters to MQTT, SNMP, Stratum sockets and Quartz live at the edge.
 */
package io.otedama.controller;
