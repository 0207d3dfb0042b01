/**
 * The operator web console: serves the static single-page console (HTML, ES modules, CSS under
 * {@code /console}, WebJars under {@code /webjars}) at {@code /}, and the server-sent event stream
 * that pushes fleet summary changes to it. The console is a client of {@code /api/v1} like any
 * other; this package only reads the fleet through {@code fleet.RigQueries} and depends on nothing
 * else of the controller.
 */
package io.otedama.controller.console;
