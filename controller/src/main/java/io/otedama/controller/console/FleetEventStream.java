package io.otedama.controller.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otedama.controller.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code GET /api/v1/events/stream}: server-sent events for the live overview. Each {@code
 * fleet-summary} event carries a whole {@link FleetSnapshot} as JSON; one is sent on connect and
 * then whenever the snapshot changes (checked every {@link ConsoleFeature#PUSH_INTERVAL}), with a
 * comment now and then so proxies keep an idle stream open.
 */
@Path("/api/v1/events")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class FleetEventStream {
  static final String EVENT = "fleet-summary";
  private static final int KEEPALIVE_EVERY_PUSHES = 8;
  private final FleetSnapshots snapshots;
  private final ObjectMapper json;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private String lastSent;
  private int quietPushes;

  private record Subscriber(SseEventSink sink, Sse sse) {}

  public FleetEventStream(FleetSnapshots snapshots, ObjectMapper json) {
    this.snapshots = snapshots;
    this.json = json;
  }

  @GET
  @Path("/stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void stream(@Context SseEventSink sink, @Context Sse sse) {
    Subscriber subscriber = new Subscriber(sink, sse);
    send(subscriber, snapshotEvent(sse, currentJson()));
    subscribers.add(subscriber);
  }

  /** Sends the snapshot to every subscriber if it changed since the last push. */
  synchronized void push() {
    subscribers.removeIf(s -> s.sink().isClosed());
    if (subscribers.isEmpty()) {
      lastSent = null;
      return;
    }
    String current = currentJson();
    if (current.equals(lastSent)) {
      if (++quietPushes >= KEEPALIVE_EVERY_PUSHES) {
        quietPushes = 0;
        subscribers.forEach(s -> send(s, s.sse().newEventBuilder().comment("keepalive").build()));
      }
      return;
    }
    lastSent = current;
    quietPushes = 0;
    subscribers.forEach(s -> send(s, snapshotEvent(s.sse(), current)));
  }

  /** How many browsers are listening (for tests and metrics). */
  public int subscriberCount() {
    subscribers.removeIf(s -> s.sink().isClosed());
    return subscribers.size();
  }

  void closeAll() {
    subscribers.forEach(s -> s.sink().close());
    subscribers.clear();
  }

  private String currentJson() {
    try {
      return json.writeValueAsString(snapshots.read());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A fleet snapshot could not be written as JSON", e);
    }
  }

  private static OutboundSseEvent snapshotEvent(Sse sse, String data) {
    return sse.newEventBuilder()
        .name(EVENT)
        .mediaType(MediaType.TEXT_PLAIN_TYPE)
        .data(String.class, data)
        .reconnectDelay(3000)
        .build();
  }

  /** A browser that went away fails the send: it is closed and dropped, nobody else is affected. */
  private void send(Subscriber s, OutboundSseEvent event) {
    if (s.sink().isClosed()) {
      subscribers.remove(s);
      return;
    }
    s.sink()
        .send(event)
        .whenComplete((ok, failure) -> {
          if (failure != null) {
            s.sink().close();
            subscribers.remove(s);
          }
        });
  }
}
