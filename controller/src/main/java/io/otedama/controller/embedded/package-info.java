/**
 * Embedded servers for the zero-setup default and the demo: PostgreSQL, and HiveMQ CE with its
 * extension (client authentication and topic authorization, and the in-process ingest that hands
 * rigs' shares and telemetry straight to the MQTT edge's dispatch queues). Depends on the {@code
 * mqtt} package for its configuration, credentials and {@code InboundQueue}, on {@code
 * fleet.RigAuthenticator}, and on the {@code protocol} module's topics.
 */
package io.otedama.controller.embedded;
