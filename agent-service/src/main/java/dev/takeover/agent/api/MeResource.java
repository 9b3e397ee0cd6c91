package dev.takeover.agent.api;

import java.time.Duration;
import java.util.List;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Multi;

import dev.takeover.agent.ConversationView;
import dev.takeover.agent.live.AgentStreams;
import dev.takeover.agent.live.LiveLookups;
import dev.takeover.agent.live.LiveUpdate;
import dev.takeover.agent.routing.Routing;
import dev.takeover.common.http.Roles;

/** The calling agent's own view: profile, conversations and live stream. */
@Path("/me")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
@Tag(name = "Me", description = "The calling agent's profile, conversations and live stream")
public class MeResource {

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private final CurrentCaller caller;
    private final AgentStreams streams;
    private final LiveLookups lookups;

    MeResource(CurrentCaller caller, AgentStreams streams, LiveLookups lookups) {
        this.caller = caller;
        this.streams = streams;
        this.lookups = lookups;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "My profile, presence and load")
    public AgentView me() {
        return AgentView.of(Routing.agentOrNotFound(caller.get().id()));
    }

    @GET
    @Path("/conversations")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The conversations offered to me or assigned to me")
    public List<ConversationView> conversations() {
        return lookups.heldBy(caller.get().id());
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            summary = "My live stream (Server-Sent Events)",
            description = "First a 'snapshot' event with my conversations, then one event per change, named by its"
                    + " contract type: agent.conversation-offered.v1, agent.conversation-assigned.v1,"
                    + " agent.offer-declined.v1, agent.conversation-transferred.v1, agent.conversation-requeued.v1,"
                    + " agent.conversation-resolved.v1, agent.conversation-handed-back.v1,"
                    + " agent.internal-note-added.v1, conversation.message-received.v1 (the customer's new"
                    + " messages), bot.message-analyzed.v1 (their mood) and handover.state-changed.v1 (the"
                    + " customer left). Each carries {type, conversationId, event, conversation}. A comment line"
                    + " keeps the connection alive every 20 seconds.")
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        String agentId = caller.get().id();
        Multi<OutboundSseEvent> live = streams.open(agentId).map(update -> event(sse, update));
        Multi<OutboundSseEvent> snapshot = Multi.createFrom()
                .item(() -> sse.newEventBuilder()
                        .name("snapshot")
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(lookups.heldBy(agentId))
                        .build())
                .runSubscriptionOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool());
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom()
                .ticks()
                .every(KEEP_ALIVE)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(live, snapshot, keepAlive);
    }

    private static OutboundSseEvent event(Sse sse, LiveUpdate update) {
        return sse.newEventBuilder()
                .name(update.type())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(update)
                .build();
    }
}
