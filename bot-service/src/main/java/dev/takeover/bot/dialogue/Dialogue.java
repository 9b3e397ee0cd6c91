package dev.takeover.bot.dialogue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.takeover.bot.Awaiting;
import dev.takeover.bot.Conversation;
import dev.takeover.bot.dialogue.CustomerData.Field;
import dev.takeover.bot.nlu.MessageCues.Cue;
import dev.takeover.bot.nlu.TextFeatures;
import dev.takeover.bot.nlu.Understanding;
import dev.takeover.events.bot.MessageAnalyzed.Intent;

/**
 * Decides the bot's next turn in a conversation: answer from the knowledge base, ask one clarifying question, ask for
 * what an agent will need before a likely handover, ask for the satisfaction rating (after a person handed the
 * conversation back, or when a customer only the bot served says goodbye) and read the answer, or stay silent because
 * a person is in charge or about to be. It changes the conversation's state; sending is the caller's.
 */
public final class Dialogue {

    /** Why the bot sent a message; {@code conversation.message-sent.v1} carries it as {@code purpose}. */
    public enum Purpose {
        ANSWER,
        CLARIFICATION,
        DATA_REQUEST,
        ACKNOWLEDGEMENT,
        FALLBACK,
        OFFER,
        SURVEY
    }

    public record Reply(String text, Purpose purpose) {}

    /** The outcome of one customer message; {@code surveyAnswer} is set when it answered the satisfaction question. */
    public record Turn(
            Optional<Reply> reply,
            boolean collectedGrew,
            boolean humanRequested,
            boolean rejectedBotAnswer,
            boolean clarificationFailed,
            Optional<SurveyAnswer> surveyAnswer) {

        Turn(
                Optional<Reply> reply,
                boolean collectedGrew,
                boolean humanRequested,
                boolean rejectedBotAnswer,
                boolean clarificationFailed) {
            this(reply, collectedGrew, humanRequested, rejectedBotAnswer, clarificationFailed, Optional.empty());
        }
    }

    /**
     * How the dialogue behaves. {@code surveyTheBot}: whether the bot asks for a rating of its own help when a
     * customer no person served says goodbye after an answer.
     */
    public record Settings(
            double answerConfidence,
            Set<String> criticalIntents,
            double likelyHandoverFrustration,
            int dataAttempts,
            boolean surveyTheBot) {}

    private static final String GOODBYE = "goodbye";

    private static final List<Field> NEEDED_FOR_HANDOVER = List.of(Field.CUSTOMER_NUMBER, Field.EMAIL);

    private final KnowledgeBase knowledge;
    private final Prompts prompts;
    private final CustomerData data;
    private final Settings settings;

    public Dialogue(KnowledgeBase knowledge, Prompts prompts, CustomerData data, Settings settings) {
        this.knowledge = knowledge;
        this.prompts = prompts;
        this.data = data;
        this.settings = settings;
    }

    /** The bot's turn after a customer message, given how frustrated the customer now is. */
    public Turn respond(Conversation conversation, Understanding understanding, String text, double frustration) {
        String language = understanding.language();
        String folded = TextFeatures.fold(text).strip();
        boolean collectedGrew = collect(conversation, text);
        boolean humanRequested = understanding.humanRequested()
                || (conversation.isAwaiting(Awaiting.HUMAN_OFFER) && prompts.saysYes(folded));
        boolean rejected = understanding.cues().contains(Cue.REJECTION) && conversation.botHasSpoken();

        if (conversation.personInCharge()) {
            return new Turn(Optional.empty(), collectedGrew, humanRequested, rejected, false);
        }
        if (conversation.isAwaiting(Awaiting.SURVEY)) {
            conversation.awaitNothing();
            Optional<SurveyAnswer> answer = SurveyAnswer.read(folded, understanding, settings.answerConfidence());
            if (answer.isPresent()) {
                conversation.rated(answer.get().score());
                Reply thanks = reply(conversation, prompts.surveyThanks(language), Purpose.SURVEY);
                return new Turn(Optional.of(thanks), collectedGrew, false, false, false, answer);
            }
        }

        boolean collectingForHandover = conversation.pendingIntent() == null && conversation.awaitingData();
        boolean handoverLikely = conversation.waitingForPerson()
                || collectingForHandover
                || humanRequested
                || settings.criticalIntents().contains(understanding.intent().name())
                || frustration >= settings.likelyHandoverFrustration();
        if (handoverLikely) {
            Optional<Reply> dataRequest = requestForHandover(conversation, language, collectedGrew);
            if (dataRequest.isPresent()) {
                return new Turn(dataRequest, collectedGrew, humanRequested, rejected, false);
            }
            if (conversation.waitingForPerson() || humanRequested) {
                conversation.awaitNothing();
                return new Turn(Optional.empty(), collectedGrew, humanRequested, rejected, false);
            }
        }

        if (conversation.pendingIntent() != null && conversation.awaitingData()) {
            Field wanted = conversation.awaitedField();
            String pending = conversation.pendingIntent();
            if (conversation.knows(wanted)) {
                conversation.awaitNothing();
                return answer(conversation, pending, language, collectedGrew);
            }
            if (conversation.mayAskAgain(settings.dataAttempts()) && looksLikeAnAttempt(understanding)) {
                conversation.askedAgain();
                return turn(conversation, prompts.askAgain(wanted, language), Purpose.DATA_REQUEST, collectedGrew);
            }
            conversation.awaitNothing();
        }

        if (conversation.isAwaiting(Awaiting.CLARIFICATION)) {
            List<String> options = conversation.clarificationOptions();
            conversation.awaitNothing();
            Optional<String> chosen = chosen(options, understanding, folded);
            if (chosen.isPresent()) {
                return answer(conversation, chosen.get(), language, collectedGrew);
            }
            if (understanding.outOfScope() || understanding.intent().confidence() < settings.answerConfidence()) {
                conversation.botFailed();
                return new Turn(
                        Optional.of(reply(conversation, prompts.notUnderstood(language), Purpose.FALLBACK)),
                        collectedGrew,
                        humanRequested,
                        rejected,
                        true);
            }
        }

        if (conversation.isAwaiting(Awaiting.HUMAN_OFFER)) {
            conversation.awaitNothing();
        }

        if (rejected) {
            conversation.botFailed();
            conversation.await(Awaiting.HUMAN_OFFER);
            return new Turn(
                    Optional.of(reply(conversation, prompts.rejected(language), Purpose.OFFER)),
                    collectedGrew,
                    humanRequested,
                    true,
                    false);
        }
        if (understanding.outOfScope()) {
            conversation.botFailed();
            return turn(conversation, prompts.fallback(language), Purpose.FALLBACK, collectedGrew);
        }
        if (understanding.intent().confidence() < settings.answerConfidence()
                && understanding.alternatives().size() >= 2) {
            Intent first = understanding.alternatives().get(0);
            Intent second = understanding.alternatives().get(1);
            conversation.askToChoose(first.name(), second.name());
            String question = prompts.clarify(
                    language, knowledge.label(first.name(), language), knowledge.label(second.name(), language));
            return turn(conversation, question, Purpose.CLARIFICATION, collectedGrew);
        }
        if (asksTheBotsRating(conversation, understanding)) {
            conversation.askForRating(null);
            return turn(
                    conversation, prompts.botSurvey(language, firstName(conversation)), Purpose.SURVEY, collectedGrew);
        }
        return answer(conversation, understanding.intent().name(), language, collectedGrew);
    }

    /** After a person hands the conversation back: one question about their help, in that handover. */
    public Reply survey(Conversation conversation, String handoverId) {
        conversation.askForRating(handoverId);
        return reply(conversation, prompts.survey(conversation.language(), firstName(conversation)), Purpose.SURVEY);
    }

    /** Once per conversation, and only about the bot's own help: nobody else served the customer, and it answered. */
    private boolean asksTheBotsRating(Conversation conversation, Understanding understanding) {
        return settings.surveyTheBot()
                && GOODBYE.equals(understanding.intent().name())
                && !conversation.surveyed()
                && !conversation.servedByPerson()
                && conversation.botLastSaid(Purpose.ANSWER);
    }

    /** When a handover starts that the bot did not see coming: ask for what the agent needs, if anything. */
    public Optional<Reply> requestForHandover(Conversation conversation) {
        if (conversation.awaitingData()) {
            return Optional.empty();
        }
        return requestForHandover(conversation, conversation.language(), false);
    }

    private Optional<Reply> requestForHandover(Conversation conversation, String language, boolean justCollected) {
        for (Field field : NEEDED_FOR_HANDOVER) {
            if (conversation.knows(field)) {
                continue;
            }
            Awaiting awaiting = field == Field.CUSTOMER_NUMBER ? Awaiting.CUSTOMER_NUMBER : Awaiting.EMAIL;
            boolean askedBefore = conversation.isAwaiting(awaiting);
            if (askedBefore && !conversation.mayAskAgain(settings.dataAttempts())) {
                continue;
            }
            String question;
            if (askedBefore) {
                conversation.askedAgain();
                question = prompts.askAgain(field, language);
            } else {
                boolean firstRequest = !conversation.awaitingData();
                conversation.awaitNothing();
                conversation.await(awaiting);
                question = firstRequest ? prompts.askBeforeHandover(field, language) : prompts.ask(field, language);
            }
            return Optional.of(reply(conversation, question, Purpose.DATA_REQUEST));
        }
        if (justCollected && conversation.awaitingData()) {
            conversation.awaitNothing();
            return Optional.of(reply(
                    conversation, prompts.dataComplete(language, firstName(conversation)), Purpose.ACKNOWLEDGEMENT));
        }
        return Optional.empty();
    }

    private Turn answer(Conversation conversation, String intent, String language, boolean collectedGrew) {
        Optional<KnowledgeBase.Entry> entry = knowledge.entry(intent);
        if (entry.isEmpty()) {
            conversation.botFailed();
            String text = prompts.noAnswer(language, knowledge.label(intent, language));
            return turn(conversation, text, Purpose.FALLBACK, collectedGrew);
        }
        for (Field required : entry.get().requires()) {
            if (!conversation.knows(required)) {
                conversation.collectBeforeAnswering(required, intent);
                return turn(conversation, prompts.ask(required, language), Purpose.DATA_REQUEST, collectedGrew);
            }
        }
        conversation.botAnswered();
        String text = fill(KnowledgeBase.inLanguage(entry.get().answer(), language), conversation);
        return turn(conversation, text, Purpose.ANSWER, collectedGrew);
    }

    private boolean collect(Conversation conversation, String text) {
        boolean grew = false;
        Optional<String> email = data.email(text);
        if (email.isPresent()) {
            grew |= conversation.learn(Field.EMAIL, email.get());
        }
        Optional<String> number = data.customerNumber(text, conversation.isAwaiting(Awaiting.CUSTOMER_NUMBER));
        if (number.isPresent()) {
            grew |= conversation.learn(Field.CUSTOMER_NUMBER, number.get());
        }
        Optional<String> name = data.name(text);
        if (name.isPresent()) {
            grew |= conversation.learn(Field.NAME, name.get());
        }
        return grew;
    }

    /** A reply that is not a new topic is most likely a mistyped value. */
    private boolean looksLikeAnAttempt(Understanding understanding) {
        return understanding.outOfScope() || understanding.intent().confidence() < settings.answerConfidence();
    }

    private Optional<String> chosen(List<String> options, Understanding understanding, String folded) {
        if (options.size() < 2) {
            return Optional.empty();
        }
        if (options.contains(understanding.intent().name()) && !understanding.outOfScope()) {
            return Optional.of(understanding.intent().name());
        }
        boolean first = prompts.picksFirst(folded);
        boolean second = prompts.picksSecond(folded);
        if (first != second) {
            return Optional.of(first ? options.get(0) : options.get(1));
        }
        if (prompts.saysYes(folded)) {
            return Optional.of(options.get(0));
        }
        return Optional.empty();
    }

    private static String firstName(Conversation conversation) {
        String name = conversation.value(Field.NAME);
        return name == null ? null : name.split("\\s+")[0];
    }

    private static String fill(String template, Conversation conversation) {
        String name = firstName(conversation) == null ? "" : ", " + firstName(conversation);
        String number = conversation.value(Field.CUSTOMER_NUMBER);
        return template.replace("{name}", name).replace("{customerNumber}", number == null ? "" : number);
    }

    private static Turn turn(Conversation conversation, String text, Purpose purpose, boolean collectedGrew) {
        return new Turn(Optional.of(reply(conversation, text, purpose)), collectedGrew, false, false, false);
    }

    private static Reply reply(Conversation conversation, String text, Purpose purpose) {
        conversation.botSaid(purpose);
        return new Reply(text, purpose);
    }
}
