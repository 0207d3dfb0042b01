/**
 * The {@code asic} device: an ASIC miner on the LAN reached through the cgminer RPC API (TCP 4028),
 * with the firmware quirks tolerated ({@link io.otedama.agent.device.asic.CgminerJson}). One agent
 * may manage many; each is a device of the agent's rig (docs/agent.md explains the choice). Depends
 * on the device interface and Jackson.
 */
package io.otedama.agent.device.asic;
