/**
 * Embedded servers for the zero-setup default and the demo: PostgreSQL here (the MQTT broker lives
 * with the MQTT edge). Depends on nothing else in the controller.
 */
package io.otedama.controller.embedded;
