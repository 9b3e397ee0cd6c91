package dev.takeover.transcript;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.ConversationOffered;
import dev.takeover.events.agent.ConversationTransferred;
import dev.takeover.events.agent.OfferDeclined;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AccessTest extends LogTestSupport {

    private final String alice = "alice-" + conversation;
    private final String bob = "bob-" + conversation;
    private final String carol = "carol-" + conversation;

    @Test
    void agentsReadWhatTheyHandledOrAreOfferedAndNothingElse() {
        Instant now = Instant.now();
        send(
                plain(customerSays("m1", "hello", start)),
                record(
                        ConversationOffered.TYPE,
                        offered(alice, start.plusSeconds(1), start.plusSeconds(31)),
                        start.plusSeconds(1)),
                record(ConversationAssigned.TYPE, assigned(alice, start.plusSeconds(2)), start.plusSeconds(2)),
                record(ConversationOffered.TYPE, offered(carol, now, now.plus(Duration.ofMinutes(5))), now));
        await().atMost(PATIENCE).until(() -> entries(conversation) == 4);

        assertReads(alice, 200);
        assertReads(carol, 200);
        asAgent(bob)
                .get("/conversations/" + conversation + "/transcript")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        equalTo("agent " + bob + " has not handled conversation " + conversation
                                + " and has no standing offer for it"));
        asSupervisor()
                .get("/conversations/" + conversation + "/transcript")
                .then()
                .statusCode(200);

        // Carol declines: her offer no longer stands. Alice transfers to Bob: both of them may read it now.
        send(
                record(
                        OfferDeclined.TYPE,
                        new OfferDeclined(conversation, "h-" + conversation, carol, false, now),
                        now),
                record(
                        ConversationTransferred.TYPE,
                        new ConversationTransferred(
                                conversation, "h-" + conversation, alice, bob, null, "billing", now),
                        now));
        await().atMost(PATIENCE).until(() -> entries(conversation) == 6);

        assertReads(carol, 403);
        assertReads(bob, 200);
        assertReads(alice, 200);
    }

    @Test
    void anOfferThatHasExpiredGivesNoAccess() {
        Instant now = Instant.now();
        send(record(
                ConversationOffered.TYPE,
                offered(carol, now.minusSeconds(60), now.minusSeconds(30)),
                now.minusSeconds(60)));
        await().atMost(PATIENCE).until(() -> entries(conversation) == 1);

        assertReads(carol, 403);
    }

    @Test
    void aTokenWithoutAgentOrSupervisorGroupIsRefused() {
        given().auth()
                .oauth2(tokens.tokenFor("visitor", "Visitor", List.of("customer"), Duration.ofMinutes(5)))
                .get("/conversations/" + conversation + "/transcript")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("the groups in the bearer token do not allow this request"));
    }

    private void assertReads(String agentId, int status) {
        asAgent(agentId)
                .get("/conversations/" + conversation + "/transcript")
                .then()
                .statusCode(status);
        asAgent(agentId)
                .get("/conversations/" + conversation + "/export")
                .then()
                .statusCode(status);
    }
}
