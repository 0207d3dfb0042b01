/**
 * Rigs, groups, enrollment, and the online/stale/offline state of each rig. May depend on db and
 * auth; the MQTT edge reaches it only through {@link io.otedama.controller.fleet.RigPresenceSink}
 * and {@link io.otedama.controller.fleet.RigAuthenticator}.
 */
package io.otedama.controller.fleet;
