"""Splits the bank catalogue's hand-written core phrases (bank_phrases.py) by phrase, deterministically, into
  - a training catalogue (half of each intent's phrases per language, with the customer variants of
    make_bank_catalogue.py): src/test/resources/evaluation/bank-split/catalogue.jsonl, and the same without the `oos`
    reject class (a catalogue that brings no out-of-scope examples): catalogue-no-oos.jsonl;
  - a dev split (a quarter): src/test/resources/evaluation/bank-split/dev.tsv, what the intent model's settings are
    chosen on;
  - a frozen test split (the other quarter): src/test/resources/evaluation/frozen-bank-split/test.tsv, written and
    committed before any tuning and never edited.
A phrase goes whole to one side, so a test message is never a variant of a training phrase. Dev and test messages get
one customer variant each (greeting, politeness, lower case, a typo), as a customer would type them."""
import json, random, pathlib
from bank_phrases import BANK
from make_bank_catalogue import variants

ROOT = pathlib.Path(__file__).resolve().parents[2] / "src/test/resources/evaluation"

def side(index):
    return {0: "train", 1: "dev", 2: "train", 3: "test"}[index % 4]

def main():
    rng = random.Random(4711)
    train, dev, test = [], [], []
    for intent, (english, german) in BANK.items():
        for language, phrases in (("en", english), ("de", german)):
            order = list(phrases)
            random.Random(intent + language).shuffle(order)
            for i, phrase in enumerate(order):
                where = side(i)
                if where == "train":
                    for text in variants(phrase, language, rng, 8):
                        train.append({"text": text, "intent": intent, "language": language})
                else:
                    candidates = [v for v in variants(phrase, language, rng, 6) if v != phrase] or [phrase]
                    (dev if where == "dev" else test).append((language, intent, rng.choice(candidates)))
    (ROOT / "bank-split").mkdir(parents=True, exist_ok=True)
    (ROOT / "frozen-bank-split").mkdir(parents=True, exist_ok=True)
    for name, keep in (("catalogue.jsonl", lambda e: True), ("catalogue-no-oos.jsonl", lambda e: e["intent"] != "oos")):
        with open(ROOT / "bank-split" / name, "w", encoding="utf-8") as f:
            for entry in filter(keep, train):
                f.write(json.dumps(entry, ensure_ascii=False) + "\n")
    header = "# language\tintent (oos = not covered by the bank catalogue)\ttext\n"
    for path, rows in ((ROOT / "bank-split/dev.tsv", dev), (ROOT / "frozen-bank-split/test.tsv", test)):
        with open(path, "w", encoding="utf-8") as f:
            f.write(header)
            for language, intent, text in rows:
                f.write(f"{language}\t{intent}\t{text}\n")
    print(len(train), "training phrases;", len(dev), "dev;", len(test), "test")

if __name__ == "__main__":
    main()
