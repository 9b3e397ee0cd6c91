package dev.takeover.webchat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.takeover.webchat.ConversationAccess.Decision;
import dev.takeover.webchat.ConversationAccess.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationAccessTest {

    private static final CustomerIdentity ERIKA = new CustomerIdentity("K-1", "Erika", null, Map.of());
    private static final CustomerIdentity MAX = new CustomerIdentity("K-2", "Max", null, Map.of());
    private static final WebConversation ANONYMOUS = new WebConversation("web-a", null, null, Map.of(), "en");
    private static final WebConversation ERIKAS = new WebConversation("web-e", "K-1", "Erika", Map.of(), "de");
    private static final WebConversation ERIKAS_LATEST = new WebConversation("web-e2", "K-1", "Erika", Map.of(), "de");

    @Test
    void aTokenResumesItsAnonymousConversation() {
        Decision decision = ConversationAccess.decide(Optional.of(ANONYMOUS), Optional.empty(), Optional.empty());
        assertThat(decision.outcome()).isEqualTo(Outcome.RESUME);
        assertThat(decision.conversation()).contains(ANONYMOUS);
        assertThat(decision.issuesToken()).isFalse();
    }

    @Test
    void aVisitorWhoSignsInKeepsTheirConversationUnderTheirIdentity() {
        Decision decision = ConversationAccess.decide(Optional.of(ANONYMOUS), Optional.of(ERIKA), Optional.of(ERIKAS));
        assertThat(decision.outcome()).isEqualTo(Outcome.RESUME);
        assertThat(decision.conversation()).contains(ANONYMOUS);
        assertThat(decision.identity()).contains(ERIKA);
    }

    @Test
    void aSignedInCustomerWithTheirOwnTokenResumesIt() {
        Decision decision =
                ConversationAccess.decide(Optional.of(ERIKAS), Optional.of(ERIKA), Optional.of(ERIKAS_LATEST));
        assertThat(decision.outcome()).isEqualTo(Outcome.RESUME);
        assertThat(decision.conversation()).contains(ERIKAS);
    }

    @Test
    void aSignedInCustomerOnANewDeviceContinuesTheirLatestConversationWithATokenOfItsOwn() {
        Decision decision = ConversationAccess.decide(Optional.empty(), Optional.of(ERIKA), Optional.of(ERIKAS_LATEST));
        assertThat(decision.outcome()).isEqualTo(Outcome.RESUME_ON_NEW_DEVICE);
        assertThat(decision.conversation()).contains(ERIKAS_LATEST);
        assertThat(decision.issuesToken()).isTrue();
    }

    @Test
    void aSignedOutBrowserDoesNotSeeTheCustomersConversation() {
        Decision decision = ConversationAccess.decide(Optional.of(ERIKAS), Optional.empty(), Optional.empty());
        assertThat(decision.outcome()).isEqualTo(Outcome.START);
        assertThat(decision.identity()).isEmpty();
        assertThat(decision.issuesToken()).isTrue();
    }

    @Test
    void anotherCustomerOnTheSameBrowserGetsTheirOwnConversation() {
        Decision decision = ConversationAccess.decide(Optional.of(ERIKAS), Optional.of(MAX), Optional.empty());
        assertThat(decision.outcome()).isEqualTo(Outcome.START);
        assertThat(decision.identity()).contains(MAX);
    }

    @Test
    void aLatestConversationOfSomebodyElseIsNeverResumed() {
        Decision decision = ConversationAccess.decide(Optional.empty(), Optional.of(MAX), Optional.of(ERIKAS));
        assertThat(decision.outcome()).isEqualTo(Outcome.START);
    }

    @Test
    void aNewVisitorStartsAConversation() {
        Decision decision = ConversationAccess.decide(Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(decision.outcome()).isEqualTo(Outcome.START);
        assertThat(decision.conversation()).isEmpty();
        assertThat(decision.issuesToken()).isTrue();
    }
}
