/**
 * The JSON codec of the MQTT messages: {@link io.otedama.protocol.codec.MessageCodec} turns bytes
 * into validated records (size limit before parsing, JSON syntax, schema version, required fields,
 * value ranges) and records into bytes. Rejections are {@link
 * io.otedama.protocol.codec.MessageRejectedException} with a {@link
 * io.otedama.protocol.codec.RejectReason}. Depends on Jackson, the {@code message} and {@code
 * topic} packages.
 */
package io.otedama.protocol.codec;
