"""Writes src/test/resources/evaluation/bank/catalogue.jsonl from bank_phrases.py: each hand-written phrase plus
variants a customer would type (greetings, politeness, question marks, lower case, a typo), deterministic."""
import json, random, sys, pathlib
from bank_phrases import BANK

PREFIX = {"en": ["", "", "", "hi, ", "hello, ", "hey ", "quick question: ", "can you help? ", "please, ", "excuse me, "],
          "de": ["", "", "", "hallo, ", "hi, ", "kurze Frage: ", "können Sie mir helfen? ", "bitte, ", "guten Tag, "]}
SUFFIX = {"en": ["", "", "", "?", " please", " asap", ", thanks", "!", " thank you"],
          "de": ["", "", "", "?", " bitte", " danke", "!", " vielen Dank"]}

def typo(text, rng):
    words = text.split()
    i = rng.randrange(len(words))
    w = words[i]
    if len(w) > 4:
        j = rng.randrange(1, len(w) - 2)
        w = w[:j] + w[j + 1] + w[j] + w[j + 2:] if rng.random() < 0.5 else w[:j] + w[j + 1:]
    words[i] = w
    return " ".join(words)

def variants(phrase, language, rng, count):
    out = {phrase}
    tries = 0
    while len(out) < count and tries < count * 20:
        tries += 1
        text = rng.choice(PREFIX[language]) + phrase + rng.choice(SUFFIX[language])
        if rng.random() < 0.3:
            text = text.lower()
        elif rng.random() < 0.3:
            text = text[0].upper() + text[1:]
        if rng.random() < 0.15:
            text = typo(text, rng)
        out.add(text)
    return sorted(out)

def main(target_per_intent, out):
    rng = random.Random(77)
    lines = []
    for intent, (english, german) in BANK.items():
        for language, phrases in (("en", english), ("de", german)):
            per_phrase = max(1, target_per_intent // len(phrases))
            for phrase in phrases:
                for text in variants(phrase, language, rng, per_phrase):
                    lines.append({"text": text, "intent": intent, "language": language})
    pathlib.Path(out).parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(out, len(lines), "phrases")

if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
