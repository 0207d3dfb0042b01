/**
 * The fleet simulator: {@link io.otedama.agent.sim.FleetSimulator} runs N rigs of real agent code
 * in one process (enrollment through the real API, one MQTT session each, simulated devices that
 * find real shares). A library for the controller's demo and load benchmark as well as the {@code
 * simulate} command. Depends on the runtime, the enrollment client and the simulated device.
 */
package io.otedama.agent.sim;
