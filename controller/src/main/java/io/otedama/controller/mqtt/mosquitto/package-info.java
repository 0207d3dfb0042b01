/**
 * Support for an external Mosquitto broker: its password-file hash format and the writer of its
 * password and ACL files from the {@code rigs} table. Depends on JDBC and the {@code protocol}
 * topic rules only.
 */
package io.otedama.controller.mqtt.mosquitto;
