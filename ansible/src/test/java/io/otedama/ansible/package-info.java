/**
 * Tests of the Ansible roles, playbooks and inventory script kept beside this module's POM, run
 * with the real tools from Debian's {@code ansible} and {@code ansible-lint} packages: lint, syntax
 * check, a real local run of the playbooks into a temporary install root (systemd replaced by a
 * flag, {@link io.otedama.ansible.AgentUnit} playing systemd), and the inventory script against a
 * loopback HTTP server serving the rig list. Depends on the JDK, Jackson, those packages and the
 * dashboards module's test-jar (the demo controller, the process runner).
 */
package io.otedama.ansible;
