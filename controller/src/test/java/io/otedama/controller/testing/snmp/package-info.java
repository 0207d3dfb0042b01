/**
 * Real SNMP agents as child processes for tests of more than one module: published in the
 * controller's test-jar (only this package, see controller/pom.xml) for the dashboards' demo farm.
 * Depends on the JDK alone, so a module using it needs none of the controller's dependencies.
 */
package io.otedama.controller.testing.snmp;
