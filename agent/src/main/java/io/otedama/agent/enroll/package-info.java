/**
 * Enrollment: the rig's hardware identity ({@link io.otedama.agent.enroll.HardwareIdProbe}: primary
 * MAC, DMI serial or machine id) and the {@code POST /api/v1/enroll} client. Depends on the JDK's
 * HTTP client, Jackson and the configuration's credentials record.
 */
package io.otedama.agent.enroll;
