/**
 * Rigs, groups, enrollment, and the online/stale/offline state of each rig; the rig list, detail,
 * events and telemetry series of the API; the fleet gauges; which rigs a hosting client's account
 * may see ({@link io.otedama.controller.fleet.ClientRigs}, table {@code client_rigs}). May depend
 * on api, auth and protocol; the MQTT edge reaches it only through {@link
 * io.otedama.controller.fleet.RigPresenceSink} and {@link
 * io.otedama.controller.fleet.RigAuthenticator} (implemented by {@link
 * io.otedama.controller.fleet.RigPresence} and {@link io.otedama.controller.fleet.RigCredentials}),
 * and the shares feature only through {@link io.otedama.controller.fleet.RigHashrateEstimates}.
 * Rigs changing group here (a rig edited, a group deleted) are told to a {@link
 * io.otedama.controller.fleet.GroupMembershipListener} (the work feature), so their work follows
 * without the fleet knowing about work.
 */
package io.otedama.controller.fleet;
