package dev.takeover.bot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.takeover.bot.nlu.Nlu;
import dev.takeover.bot.nlu.Nlu.Utterance;
import dev.takeover.bot.nlu.Understanding;

/**
 * Understands a batch of customer messages in one model call, each with the language hint it would have had if the
 * messages had been handled one at a time: the channel's language when it names one we support, otherwise the
 * language the conversation spoke last. The NLU carries a conversation's language from one of its messages to the
 * next within a call; a later message that brings its own channel language would lose it to that carry, so such a
 * message starts a second call (rare: a channel that names the language names it on the first message too).
 */
final class BatchUnderstanding {

    /** One new customer message: its conversation, its text, and the supported language its channel named, or null. */
    record Message(String conversationId, String text, String channelLanguage) {}

    private BatchUnderstanding() {}

    /**
     * The understanding of each message, in order. {@code spoken} is each conversation's language before the batch
     * (absent for a new conversation).
     */
    static List<Understanding> of(Nlu nlu, List<Message> messages, Map<String, String> spoken) {
        Map<String, String> lastSpoken = new HashMap<>(spoken);
        List<Understanding> understood = new ArrayList<>(messages.size());
        int from = 0;
        while (from < messages.size()) {
            Set<String> inCall = new HashSet<>();
            List<Utterance> call = new ArrayList<>();
            int to = from;
            for (; to < messages.size(); to++) {
                Message message = messages.get(to);
                if (!inCall.add(message.conversationId()) && message.channelLanguage() != null) {
                    break;
                }
                String hint = message.channelLanguage() != null
                        ? message.channelLanguage()
                        : lastSpoken.get(message.conversationId());
                call.add(new Utterance(message.text(), hint, message.conversationId()));
            }
            List<Understanding> results = nlu.understandAll(call);
            for (int i = 0; i < results.size(); i++) {
                lastSpoken.put(
                        messages.get(from + i).conversationId(), results.get(i).language());
            }
            understood.addAll(results);
            from = to;
        }
        return understood;
    }
}
