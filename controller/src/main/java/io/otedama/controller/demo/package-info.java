/**
 * {@code otedama-controller demo}: the controller on embedded PostgreSQL and broker plus simulated
 * rigs running the agent's code in-process. May depend on the application and the agent module's
 * simulator; nothing depends on it.
 */
package io.otedama.controller.demo;
