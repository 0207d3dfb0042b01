/**
 * The database: where it is (external URL or the embedded server), the Flyway migrations under
 * {@code classpath:db/migration}, the Jdbi instance every feature's DAO runs on, and the {@code db
 * migrate} command. Depends on embedded only.
 */
package io.otedama.controller.db;
