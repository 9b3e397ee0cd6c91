package dev.takeover.systemtest.benchmark;

import java.util.List;
import java.util.Random;

/**
 * Customer messages that vary as real traffic does: order numbers, products, amounts and dates, English and German,
 * from a few words to several sentences, so that no two texts repeat and caching a text gains nothing. Every 10th
 * conversation asks for a person in its second message. Deterministic per message, so every run sends the same.
 */
final class Traffic {

    /** Messages each conversation sends, about a second apart: a question, a follow-up, a last word. */
    static final int TURNS = 3;

    private static final List<String> PRODUCTS_EN = List.of(
            "wireless headphones",
            "coffee machine",
            "running shoes size 43",
            "4K monitor",
            "winter jacket",
            "kitchen scale",
            "gaming chair",
            "phone case",
            "electric toothbrush",
            "yoga mat");
    private static final List<String> PRODUCTS_DE = List.of(
            "kabellosen Kopfhörer",
            "Kaffeemaschine",
            "Laufschuhe in Größe 43",
            "4K-Monitor",
            "Winterjacke",
            "Küchenwaage",
            "Gaming-Stuhl",
            "Handyhülle",
            "elektrische Zahnbürste",
            "Yogamatte");
    private static final List<String> QUESTIONS_EN = List.of(
            "Where is my order %s?",
            "Hi, I ordered the %2$s last week (order %1$s) and it still hasn't arrived. Can you check the status?",
            "How do I return the %2$s from order %1$s? It doesn't fit.",
            "I was charged %3$s EUR twice for order %1$s, please look into it.",
            "Can I change the delivery address for %s?",
            "Do you still have the %2$s in stock? I want to order two more like in %1$s.",
            "order %s tracking",
            "Hello! My parcel for order %1$s says delivered on %4$s but I was home all day and nothing came. "
                    + "The %2$s was a birthday present, so I really need it soon. What can I do?",
            "Is there a warranty on the %2$s? Mine from order %1$s stopped working after %3$s days.",
            "When will I get my refund of %3$s EUR for %1$s?");
    private static final List<String> QUESTIONS_DE = List.of(
            "Wo ist meine Bestellung %s?",
            "Hallo, ich habe letzte Woche die %2$s bestellt (Bestellung %1$s) und sie ist immer noch nicht da. "
                    + "Können Sie nachsehen?",
            "Wie kann ich die %2$s aus Bestellung %1$s zurückschicken? Sie passt nicht.",
            "Mir wurden für Bestellung %1$s zweimal %3$s Euro abgebucht, bitte prüfen Sie das.",
            "Kann ich die Lieferadresse für %s noch ändern?",
            "Haben Sie die %2$s noch auf Lager? Ich möchte noch zwei wie in %1$s bestellen.",
            "Sendungsverfolgung %s",
            "Guten Tag! Laut Sendungsverfolgung wurde Bestellung %1$s am %4$s zugestellt, aber ich war den ganzen "
                    + "Tag zu Hause und es kam nichts an. Die %2$s ist ein Geschenk, ich brauche sie dringend.",
            "Gibt es Garantie auf die %2$s? Meine aus Bestellung %1$s ist nach %3$s Tagen kaputt gegangen.",
            "Wann bekomme ich meine Erstattung über %3$s Euro für %1$s?");
    private static final List<String> FOLLOW_UPS_EN = List.of(
            "Thanks, and how long does that take?",
            "ok",
            "The order number is %s, in case you need it.",
            "I already tried that yesterday, it did not work for the %2$s.",
            "Could you send me the invoice for %s by e-mail?");
    private static final List<String> FOLLOW_UPS_DE = List.of(
            "Danke, und wie lange dauert das?",
            "ok",
            "Die Bestellnummer ist %s, falls Sie sie brauchen.",
            "Das habe ich gestern schon versucht, bei der %2$s hat es nicht geklappt.",
            "Können Sie mir die Rechnung für %s per E-Mail schicken?");
    private static final List<String> PERSON_EN = List.of(
            "I want to talk to a human",
            "Can I speak to a real person please? This is about order %s.",
            "agent please",
            "This isn't helping, connect me with someone from your team about the %2$s.",
            "I'd like to speak with a customer service representative.");
    private static final List<String> PERSON_DE = List.of(
            "Ich möchte mit einem Mitarbeiter sprechen",
            "Kann ich bitte mit einem Menschen reden? Es geht um Bestellung %s.",
            "Mitarbeiter bitte",
            "Das hilft mir nicht, verbinden Sie mich bitte mit jemandem wegen der %2$s.",
            "Ich hätte gerne einen echten Kundenberater am Telefon oder im Chat.");
    private static final List<String> LAST_EN = List.of("thank you", "Great, bye!", "Still waiting for %s...");
    private static final List<String> LAST_DE = List.of("danke", "Super, tschüss!", "Ich warte immer noch auf %s...");

    private Traffic() {}

    /** Whether this conversation asks for a person (in its second message). */
    static boolean asksForPerson(long conversation) {
        return conversation % 10 == 0;
    }

    /** The text of one turn of one conversation; the language stays the conversation's own. */
    static String text(long conversation, int turn) {
        return text(conversation, turn, turn == 1 && asksForPerson(conversation));
    }

    /** A first message that asks for a person at once, in the conversation's language. */
    static String requestForPerson(long conversation) {
        return text(conversation, 1, true);
    }

    private static String text(long conversation, int turn, boolean forPerson) {
        Random random = new Random(conversation * 31 + turn);
        boolean german = conversation % 2 == 1;
        String order = (german ? "B-" : "A-") + (100_000 + Math.floorMod(conversation * 7_919 + turn, 900_000));
        String product = (german ? PRODUCTS_DE : PRODUCTS_EN).get(random.nextInt(PRODUCTS_EN.size()));
        String amount = String.valueOf(5 + random.nextInt(495)) + "," + (10 + random.nextInt(90));
        String date = (1 + random.nextInt(28)) + "." + (1 + random.nextInt(12)) + ".";
        List<String> templates;
        if (forPerson) {
            templates = german ? PERSON_DE : PERSON_EN;
        } else if (turn == 0) {
            templates = german ? QUESTIONS_DE : QUESTIONS_EN;
        } else if (turn == 1) {
            templates = german ? FOLLOW_UPS_DE : FOLLOW_UPS_EN;
        } else {
            templates = german ? LAST_DE : LAST_EN;
        }
        String template = templates.get(random.nextInt(templates.size()));
        return String.format(template, order, product, amount, date);
    }

    /** A customer message as a channel adapter sends it: plain JSON, keyed by conversation. */
    static String json(String conversationId, String messageId, String text) {
        return "{\"messageId\":\"" + messageId + "\",\"conversationId\":\"" + conversationId
                + "\",\"channel\":\"web\",\"text\":\"" + text.replace("\"", "\\\"") + "\"}";
    }
}
