/**
 * Work distribution: where jobs come from and how each rig gets its own part of them.
 *
 * <p>Sources ({@link io.otedama.controller.work.WorkSource}): {@link
 * io.otedama.controller.work.FailoverWorkSource} (upstream Stratum v1 pools of a work profile, with
 * reconnect, failover and switch-back, over {@link io.otedama.controller.work.PoolConnection}) and
 * {@link io.otedama.controller.work.LocalWorkSource} (valid jobs made here, blocks declared in
 * {@link io.otedama.controller.work.BlockFound}). Profiles ({@link
 * io.otedama.controller.work.WorkProfiles}, stored by {@link
 * io.otedama.controller.work.WorkProfileStore}) map groups of rigs to sources. Each running source
 * has a {@link io.otedama.controller.work.WorkFeed}: local job ids, the recent jobs for validation,
 * and the fan-out of every job to its rigs. {@link io.otedama.controller.work.SliceLayout} cuts a
 * session's extranonce2 (and, when that is too small, version bits, then per-rig ntime windows)
 * into disjoint {@link io.otedama.controller.work.WorkSlice}s; {@link
 * io.otedama.controller.work.Vardiff} steers each rig's difficulty; {@link
 * io.otedama.controller.work.WorkAssignments} holds every rig's {@link
 * io.otedama.controller.work.RigWork}.
 *
 * <p>REST: {@link io.otedama.controller.work.WorkProfileResource} (profiles; pool passwords never
 * echoed) and {@link io.otedama.controller.work.GroupWorkResource} (point a group at a profile, put
 * rigs in a group), both moving rigs' work at once through {@link
 * io.otedama.controller.work.GroupWork}; they depend on api and auth (roles, audit detail).
 * GroupWork also follows the fleet's group changes (it is the fleet's {@code
 * GroupMembershipListener}: a rig edited into another group, a group deleted).
 *
 * <p>Seams: {@link io.otedama.controller.work.WorkAssignmentPublisher} (the MQTT edge publishes
 * agents' assignments) and {@link io.otedama.controller.work.WorkSubscriber} (how work reaches a
 * rig). Depends on {@code hashing}, {@code protocol}, Jdbi (profiles) and Micrometer; nothing here
 * depends on {@code shares} or {@code stratum}.
 */
package io.otedama.controller.work;
