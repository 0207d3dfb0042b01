-- MQTT edge (V50..V99). For an external Mosquitto the controller generates Mosquitto's password
-- file; Mosquitto needs a hash of the rig's secret in its own format (PBKDF2-SHA512, "$7$..."),
-- which cannot be derived from mqtt_secret_sha256. Enrollment stores it next to the SHA-256 when
-- it issues (or rotates) the secret; rigs without it cannot log in to an external Mosquitto.
ALTER TABLE rigs ADD COLUMN mqtt_password_mosquitto TEXT;
