package dev.takeover.agent.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.takeover.agent.Takeover;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.transcript.CustomerDataErased;

/** The erasure of what agent-service keeps about customers (their mood, their previous agent, their name). */
@ApplicationScoped
public class CustomerData {

    /** GDPR: forget who the customer is and who served them; the routing facts (times, agents) stay, anonymous. */
    @Transactional
    public void onErased(ReceivedEvent<CustomerDataErased> event) {
        CustomerDataErased erased = event.payload();
        PreviousAgent.delete("customerId", erased.customerId());
        ConversationMood.delete("conversationId", erased.conversationId());
        Takeover.update(
                "customerId = null, customerName = null, summary = null where conversationId = ?1 or customerId = ?2",
                erased.conversationId(),
                erased.customerId());
    }
}
