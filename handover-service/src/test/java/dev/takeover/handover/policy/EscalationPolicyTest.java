package dev.takeover.handover.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.takeover.events.bot.MessageAnalyzed.Critical;
import dev.takeover.events.handover.HandoverRequested.Priority;
import dev.takeover.events.handover.HandoverRequested.Reason;
import dev.takeover.handover.policy.PolicyInput.EarlierContact;
import dev.takeover.handover.policy.PolicyInput.Turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EscalationPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    private static final EscalationPolicy POLICY = EscalationPolicy.of(new PolicyDefinition(
            Priority.NORMAL,
            Map.of(
                    "customer-request",
                    rule(Trigger.HUMAN_REQUESTED, "CUSTOMER_REQUEST", Priority.NORMAL),
                    "frustration",
                    new RuleDefinition(
                            null,
                            Trigger.FRUSTRATION,
                            "NEGATIVE_SENTIMENT",
                            Priority.HIGH,
                            List.of("complaints"),
                            0.7,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null),
                    "sentiment-falling",
                    new RuleDefinition(
                            null,
                            Trigger.SENTIMENT_FALLING,
                            "NEGATIVE_SENTIMENT",
                            null,
                            null,
                            0.6,
                            null,
                            3,
                            null,
                            null,
                            null,
                            null),
                    "bot-failures",
                    new RuleDefinition(
                            null,
                            Trigger.BOT_FAILURES,
                            "BOT_FAILURE",
                            null,
                            null,
                            null,
                            3,
                            null,
                            null,
                            null,
                            null,
                            0.4),
                    "answer-rejected",
                    new RuleDefinition(
                            null,
                            Trigger.ANSWER_REJECTED,
                            "BOT_FAILURE",
                            null,
                            null,
                            null,
                            null,
                            null,
                            List.of("deny", "complaint"),
                            null,
                            null,
                            null),
                    "critical",
                    new RuleDefinition(
                            null,
                            Trigger.CRITICAL_INTENT,
                            "CRITICAL_ISSUE",
                            Priority.URGENT,
                            List.of("incident"),
                            null,
                            null,
                            null,
                            List.of("service_outage", "data_loss"),
                            null,
                            null,
                            0.5),
                    "repeated-contact",
                    new RuleDefinition(
                            null,
                            Trigger.REPEATED_CONTACT,
                            "REPEATED_CONTACT",
                            null,
                            null,
                            null,
                            1,
                            null,
                            null,
                            List.of("greeting"),
                            "P3D",
                            null)),
            Map.of("vip", new BoostDefinition("vip", List.of("true"), Priority.HIGH, List.of("key-accounts")))));

    private static RuleDefinition rule(Trigger when, String reason, Priority priority) {
        return new RuleDefinition(null, when, reason, priority, null, null, null, null, null, null, null, null);
    }

    @Test
    void aRoutineQuestionTheBotUnderstoodStaysWithTheBot() {
        Decision decision = POLICY.decide(conversation(turn("m1").intent("order_status", 0.9)));

        assertThat(decision.escalate()).isFalse();
        assertThat(decision.reasons()).isEmpty();
    }

    @Test
    void aRequestForAPersonEscalatesWithTheMessageAsEvidence() {
        Decision decision = POLICY.decide(conversation(turn("m1").humanRequested()));

        assertThat(decision.escalate()).isTrue();
        assertThat(decision.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo("CUSTOMER_REQUEST");
            assertThat(reason.evidence().messageIds()).containsExactly("m1");
        });
        assertThat(decision.priority()).isEqualTo(Priority.NORMAL);
    }

    @Test
    void frustrationAboveTheThresholdEscalatesWithHighPriorityAndItsScores() {
        Decision below = POLICY.decide(conversation(turn("m1").frustration(0.69)));
        Decision above = POLICY.decide(conversation(turn("m1").frustration(0.85)));

        assertThat(below.escalate()).isFalse();
        assertThat(above.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo("NEGATIVE_SENTIMENT");
            assertThat(reason.evidence().scores())
                    .containsEntry("frustration", 0.85)
                    .containsEntry("threshold", 0.7);
        });
        assertThat(above.priority()).isEqualTo(Priority.HIGH);
        assertThat(above.requiredSkills()).containsExactly("complaints");
    }

    @Test
    void sentimentFallingOverTheWindowEscalatesButARecoveryDoesNot() {
        Decision falling = POLICY.decide(conversation(
                turn("m1").sentiment(0.2),
                turn("m2").sentiment(-0.1),
                turn("m3").sentiment(-0.5)));
        Decision recovering = POLICY.decide(conversation(
                turn("m1").sentiment(0.2),
                turn("m2").sentiment(-0.6),
                turn("m3").sentiment(-0.5)));
        Decision tooSmall = POLICY.decide(conversation(
                turn("m1").sentiment(0.1), turn("m2").sentiment(0.0), turn("m3").sentiment(-0.3)));

        assertThat(falling.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo("NEGATIVE_SENTIMENT");
            assertThat(reason.evidence().messageIds()).containsExactly("m1", "m2", "m3");
            assertThat(reason.evidence().scores()).containsEntry("from", 0.2).containsEntry("to", -0.5);
            assertThat(reason.evidence().counts()).containsEntry("window", 3);
        });
        assertThat(recovering.escalate()).isFalse();
        assertThat(tooSmall.escalate()).isFalse();
    }

    @Test
    void threeConsecutiveBotFailuresEscalateAndASuccessInBetweenResetsTheCount() {
        Decision three = POLICY.decide(conversation(
                turn("m1").outOfScope(), turn("m2").intent("x", 0.2), turn("m3").failedClarification()));
        Decision interrupted = POLICY.decide(conversation(
                turn("m1").outOfScope(),
                turn("m2").intent("order_status", 0.9),
                turn("m3").outOfScope(),
                turn("m4").outOfScope()));

        assertThat(three.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo("BOT_FAILURE");
            assertThat(reason.evidence().messageIds()).containsExactly("m1", "m2", "m3");
            assertThat(reason.evidence().counts())
                    .containsEntry("consecutiveFailures", 3)
                    .containsEntry("outOfScope", 1)
                    .containsEntry("lowConfidence", 1)
                    .containsEntry("failedClarification", 1);
        });
        assertThat(interrupted.escalate()).isFalse();
    }

    @Test
    void rejectingTheBotsAnswerEscalatesWhetherFlaggedOrInferredFromTheIntentAfterAnAnswer() {
        Decision flagged =
                POLICY.decide(conversation(turn("m1").intent("other", 0.9).answerRejected()));
        Decision inferred =
                POLICY.decide(conversation(turn("m1").intent("deny", 0.9).afterBot("ANSWER")));
        Decision notAfterAnAnswer =
                POLICY.decide(conversation(turn("m1").intent("deny", 0.9).afterBot("GREETING")));

        assertThat(flagged.reasons()).extracting(Reason::code).containsExactly("BOT_FAILURE");
        assertThat(inferred.reasons())
                .singleElement()
                .satisfies(reason -> assertThat(reason.detail()).contains("intent deny right after the bot's answer"));
        assertThat(notAfterAnAnswer.escalate()).isFalse();
    }

    @Test
    void aCriticalIntentEscalatesAtOnceWithUrgentPriority() {
        Decision decision = POLICY.decide(conversation(turn("m1").intent("service_outage", 0.8)));
        Decision unsure = POLICY.decide(conversation(turn("m1").intent("service_outage", 0.3)));

        assertThat(decision.reasons()).extracting(Reason::code).containsExactly("CRITICAL_ISSUE");
        assertThat(decision.priority()).isEqualTo(Priority.URGENT);
        assertThat(decision.requiredSkills()).containsExactly("incident");
        assertThat(unsure.escalate()).isFalse();
    }

    @Test
    void aCriticalIssueTheBotRecognisedEscalatesWhateverTheIntentAndItsConfidence() {
        Critical outage = new Critical("DATA_LOSS", 0.87, List.of("ausgefallen", "daten"));
        Decision lowConfidence = POLICY.decide(
                conversation(turn("m1").intent("service_outage", 0.27).critical(outage)));
        Decision otherCatalogue = POLICY.decide(
                conversation(turn("m2").intent("check_balance", 0.9).critical(outage)));
        Decision outOfScope = POLICY.decide(
                conversation(turn("m3").intent("out_of_scope", 0.6).outOfScope().critical(outage)));

        for (Decision decision : List.of(lowConfidence, otherCatalogue, outOfScope)) {
            assertThat(decision.escalate()).isTrue();
            assertThat(decision.priority()).isEqualTo(Priority.URGENT);
            assertThat(decision.requiredSkills()).contains("incident");
            assertThat(decision.reasons().get(0).code()).isEqualTo("CRITICAL_ISSUE");
        }
        Reason reason = lowConfidence.reasons().get(0);
        assertThat(reason.detail())
                .contains("DATA_LOSS")
                .contains("ausgefallen, daten")
                .contains("[rule critical]");
        assertThat(reason.evidence().messageIds()).containsExactly("m1");
        assertThat(reason.evidence().scores())
                .containsEntry("criticalConfidence", 0.87)
                .containsEntry("intentConfidence", 0.27);
    }

    @Test
    void withoutACriticalIssueALowConfidenceCriticalIntentStaysWithTheBot() {
        Decision routine = POLICY.decide(conversation(turn("m1").intent("service_outage", 0.27)));
        Decision disabled = EscalationPolicy.of(new PolicyDefinition(
                        Priority.NORMAL,
                        Map.of(
                                "critical",
                                new RuleDefinition(
                                        false,
                                        Trigger.CRITICAL_INTENT,
                                        "CRITICAL_ISSUE",
                                        Priority.URGENT,
                                        null,
                                        null,
                                        null,
                                        null,
                                        List.of("service_outage"),
                                        null,
                                        null,
                                        0.5)),
                        Map.of()))
                .decide(conversation(turn("m1")
                        .intent("check_balance", 0.9)
                        .critical(new Critical("SERVICE_OUTAGE", 0.9, List.of()))));

        assertThat(routine.escalate()).isFalse();
        assertThat(disabled.escalate()).as("a disabled rule stays off").isFalse();
    }

    @Test
    void aRuleWithoutIntentsTrustsOnlyTheBotsCriticalIssueModel() {
        EscalationPolicy shipped = EscalationPolicy.of(new PolicyDefinition(
                Priority.NORMAL,
                Map.of(
                        "critical-issue",
                        new RuleDefinition(
                                null,
                                Trigger.CRITICAL_INTENT,
                                "CRITICAL_ISSUE",
                                Priority.URGENT,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null)),
                Map.of()));

        Decision confidentIntent = shipped.decide(conversation(turn("m1").intent("service_outage", 0.99)));
        Decision recognised = shipped.decide(conversation(turn("m1")
                .intent("maintenance_window", 0.9)
                .critical(new Critical("SERVICE_OUTAGE", 0.8, List.of("down")))));

        assertThat(confidentIntent.escalate())
                .as("a routine question the catalogue files under service_outage stays with the bot")
                .isFalse();
        assertThat(recognised.reasons()).extracting(Reason::code).containsExactly("CRITICAL_ISSUE");
        assertThat(recognised.priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void comingBackOnTheSameTopicWithinThePeriodEscalates() {
        Turn latest = turn("m1").intent("order_status", 0.9).build();
        List<EarlierContact> recent = List.of(new EarlierContact("conv-0", "order_status", NOW.minusSeconds(86_400)));
        List<EarlierContact> old = List.of(new EarlierContact("conv-0", "order_status", NOW.minusSeconds(5 * 86_400)));
        List<EarlierContact> otherTopic = List.of(new EarlierContact("conv-0", "returns", NOW.minusSeconds(3_600)));

        Decision decision = POLICY.decide(new PolicyInput("c", "C-1", Map.of(), List.of(latest), recent, null));

        assertThat(decision.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo("REPEATED_CONTACT");
            assertThat(reason.evidence().counts()).containsEntry("earlierContacts", 1);
            assertThat(reason.detail()).contains("conv-0");
        });
        assertThat(POLICY.decide(new PolicyInput("c", "C-1", Map.of(), List.of(latest), old, null))
                        .escalate())
                .isFalse();
        assertThat(POLICY.decide(new PolicyInput("c", "C-1", Map.of(), List.of(latest), otherTopic, null))
                        .escalate())
                .isFalse();
    }

    @Test
    void aVipAttributeRaisesThePriorityOfAnEscalationButDoesNotEscalateByItself() {
        PolicyInput vipAsking = new PolicyInput(
                "c",
                "C-1",
                Map.of("vip", "TRUE"),
                List.of(turn("m1").humanRequested().build()),
                List.of(),
                null);
        PolicyInput vipChatting = new PolicyInput(
                "c",
                "C-1",
                Map.of("vip", "true"),
                List.of(turn("m1").intent("hello", 0.9).build()),
                List.of(),
                null);

        Decision decision = POLICY.decide(vipAsking);

        assertThat(decision.priority()).isEqualTo(Priority.HIGH);
        assertThat(decision.requiredSkills()).containsExactly("key-accounts");
        assertThat(decision.priorityFactors()).singleElement().satisfies(factor -> {
            assertThat(factor.code()).isEqualTo(EscalationPolicy.CUSTOMER_ATTRIBUTE);
            assertThat(factor.detail()).contains("vip=TRUE");
        });
        assertThat(decision.allReasons())
                .extracting(Reason::code)
                .containsExactly("CUSTOMER_REQUEST", "CUSTOMER_ATTRIBUTE");
        assertThat(POLICY.decide(vipChatting).escalate()).isFalse();
    }

    @Test
    void aKnownIncidentRaisesThePriorityAndIsNamed() {
        PolicyInput view = new PolicyInput(
                "c",
                "C-1",
                Map.of(),
                List.of(turn("m1").humanRequested().build()),
                List.of(),
                new PolicyInput.Incident("inc-1", "Login broken", Priority.HIGH));

        Decision decision = POLICY.decide(view);

        assertThat(decision.priority()).isEqualTo(Priority.HIGH);
        assertThat(decision.incidentId()).isEqualTo("inc-1");
        assertThat(decision.priorityFactors()).extracting(Reason::code).containsExactly("KNOWN_INCIDENT");
    }

    @Test
    void severalReasonsAreAllReportedTheMostUrgentFirstAndTheHighestPriorityWins() {
        Decision decision =
                POLICY.decide(conversation(turn("m1").humanRequested().frustration(0.9)));

        assertThat(decision.reasons())
                .extracting(Reason::code)
                .containsExactly("NEGATIVE_SENTIMENT", "CUSTOMER_REQUEST");
        assertThat(decision.priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void aDisabledRuleNeverFires() {
        EscalationPolicy withoutRequests = EscalationPolicy.of(new PolicyDefinition(
                Priority.NORMAL,
                Map.of(
                        "customer-request",
                        new RuleDefinition(
                                false,
                                Trigger.HUMAN_REQUESTED,
                                "CUSTOMER_REQUEST",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null)),
                Map.of()));

        assertThat(withoutRequests
                        .decide(conversation(turn("m1").humanRequested()))
                        .escalate())
                .isFalse();
    }

    @Test
    void anIncompleteRuleIsRefusedWithWhatIsMissing() {
        assertThatThrownBy(() -> EscalationPolicy.of(new PolicyDefinition(
                        null, Map.of("rejected", rule(Trigger.ANSWER_REJECTED, "BOT_FAILURE", null)), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rejected")
                .hasMessageContaining("intents");
        assertThatThrownBy(() -> EscalationPolicy.of(
                        new PolicyDefinition(null, Map.of("x", rule(Trigger.FRUSTRATION, "lower case", null)), null)))
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> EscalationPolicy.of(new PolicyDefinition(
                        null,
                        Map.of(
                                "r",
                                new RuleDefinition(
                                        null,
                                        Trigger.REPEATED_CONTACT,
                                        "REPEATED_CONTACT",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        "three days",
                                        null)),
                        null)))
                .hasMessageContaining("period");
    }

    private static PolicyInput conversation(TurnBuilder... turns) {
        List<Turn> built = new ArrayList<>();
        for (TurnBuilder turn : turns) {
            built.add(turn.build());
        }
        return new PolicyInput("c", "C-1", Map.of(), built, List.of(), null);
    }

    private static TurnBuilder turn(String messageId) {
        return new TurnBuilder(messageId);
    }

    private static final class TurnBuilder {
        private final String messageId;
        private String intent = "question";
        private double confidence = 0.9;
        private double sentiment;
        private double frustration;
        private boolean humanRequested;
        private boolean outOfScope;
        private boolean failedClarification;
        private boolean answerRejected;
        private String afterBot;
        private Critical critical;

        TurnBuilder(String messageId) {
            this.messageId = messageId;
        }

        TurnBuilder intent(String name, double confidence) {
            this.intent = name;
            this.confidence = confidence;
            return this;
        }

        TurnBuilder sentiment(double score) {
            this.sentiment = score;
            return this;
        }

        TurnBuilder frustration(double value) {
            this.frustration = value;
            return this;
        }

        TurnBuilder humanRequested() {
            this.humanRequested = true;
            return this;
        }

        TurnBuilder outOfScope() {
            this.outOfScope = true;
            return this;
        }

        TurnBuilder failedClarification() {
            this.failedClarification = true;
            return this;
        }

        TurnBuilder answerRejected() {
            this.answerRejected = true;
            return this;
        }

        TurnBuilder afterBot(String purpose) {
            this.afterBot = purpose;
            return this;
        }

        TurnBuilder critical(Critical issue) {
            this.critical = issue;
            return this;
        }

        Turn build() {
            return new Turn(
                    messageId,
                    NOW,
                    intent,
                    confidence,
                    sentiment,
                    frustration,
                    humanRequested,
                    outOfScope,
                    failedClarification,
                    answerRejected,
                    afterBot,
                    critical);
        }
    }
}
