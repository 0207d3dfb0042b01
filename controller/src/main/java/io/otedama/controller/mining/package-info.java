/**
 * Mining wired into the application: work profiles and assignments, the share path and share log,
 * the Stratum server and the share summary resource, hooked to the fleet (births, Stratum rigs) and
 * the MQTT edge (share batches in, work out). May depend on {@code work}, {@code shares}, {@code
 * stratum}, {@code fleet} and {@code mqtt}; nothing depends on it but the application class.
 */
package io.otedama.controller.mining;
