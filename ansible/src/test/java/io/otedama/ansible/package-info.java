/**
 * Tests of the Ansible roles, playbooks and inventory script kept beside this module's POM, run
 * with the real tools from Debian's {@code ansible} and {@code ansible-lint} packages: lint, syntax
 * check, a real local run of the playbooks into a temporary install root (systemd replaced by a
 * flag), and the inventory script against a loopback HTTP server serving the rig list. Depends only
 * on the JDK, Jackson and those packages.
 */
package io.otedama.ansible;
