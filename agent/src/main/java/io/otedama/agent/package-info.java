/** The rig agent and the fleet simulator. Depends on protocol, hashing, Paho and picocli. */
package io.otedama.agent;
