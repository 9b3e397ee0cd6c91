package dev.takeover.bot.nlu;

import java.util.List;

import dev.takeover.events.bot.MessageAnalyzed.Sentiment;

/** Prints the built-in models' scores on the development split for a few options: how the defaults were chosen. */
final class BuiltInTuning {

    private BuiltInTuning() {}

    public static void main(String[] args) {
        SentenceEncoder encoder = new SentenceEncoder(SentenceEncoder.Model.ALL_MINILM_L6_V2_Q, 2);
        SentimentAnalyzer lexicon = new SentimentAnalyzer();
        HumanRequestDetector rules = new HumanRequestDetector();
        String split = args.length > 0 ? args[0] : "dev";
        List<FrozenSets.Item> human = FrozenSets.load("/evaluation/" + split + "/human-request.tsv");
        List<FrozenSets.Item> critical = FrozenSets.load("/evaluation/" + split + "/critical.tsv");
        List<FrozenSets.Item> sentiment = FrozenSets.load("/evaluation/" + split + "/sentiment.tsv");
        float[][] h = encoder.encode(human.stream().map(FrozenSets.Item::text).toList());
        float[][] c =
                encoder.encode(critical.stream().map(FrozenSets.Item::text).toList());
        float[][] s =
                encoder.encode(sentiment.stream().map(FrozenSets.Item::text).toList());
        for (double weight : new double[] {6}) {
            for (double cost : new double[] {256}) {
                BuiltInModels trained = BuiltInModels.train(
                        new BuiltInModels.Options(weight, cost, 0.5, 0.5, 0.45, 0.5, true), lexicon, encoder);
                for (double threshold : new double[] {0.05, 0.1, 0.2, 0.3, 0.4, 0.5}) {
                    BuiltInModels models = trained.deciding(
                            new BuiltInModels.Options(weight, cost, 0.2, threshold, threshold, threshold, true));
                    FrozenSets.Binary hb = FrozenSets.Binary.EMPTY;
                    FrozenSets.Binary hm = FrozenSets.Binary.EMPTY;
                    for (int i = 0; i < human.size(); i++) {
                        FrozenSets.Item item = human.get(i);
                        var a = assess(models, item, h[i], weight);
                        boolean truth = Boolean.parseBoolean(item.label());
                        hm = hm.add(truth, a.humanRequested());
                        hb = hb.add(
                                truth,
                                !rules.declinesHuman(item.text())
                                        && (rules.requestsHuman(item.text()) || a.humanRequested()));
                    }
                    FrozenSets.Binary cb = FrozenSets.Binary.EMPTY;
                    int kindRight = 0;
                    for (int i = 0; i < critical.size(); i++) {
                        FrozenSets.Item item = critical.get(i);
                        var a = assess(models, item, c[i], weight);
                        cb = cb.add(!"NONE".equals(item.label()), a.critical() != null);
                        kindRight += a.critical() != null && a.critical().kind().equals(item.label()) ? 1 : 0;
                    }
                    FrozenSets.Binary sb = FrozenSets.Binary.EMPTY;
                    int sRight = 0;
                    for (int i = 0; i < sentiment.size(); i++) {
                        FrozenSets.Item item = sentiment.get(i);
                        var a = assess(models, item, s[i], weight);
                        sb = sb.add(
                                "NEGATIVE".equals(item.label()), a.sentiment().label() == Sentiment.Label.NEGATIVE);
                        sRight += a.sentiment().label().name().equals(item.label()) ? 1 : 0;
                    }
                    System.out.printf(
                            "t=" + threshold
                                    + " w=%.1f C=%.0f | human model %s | rules+model %s | critical %s kind %d | neg %s acc3 %d/%d%n",
                            weight,
                            cost,
                            hm.summary(),
                            hb.summary(),
                            cb.summary(),
                            kindRight,
                            sb.summary(),
                            sRight,
                            sentiment.size());
                }
            }
        }
        encoder.close();
    }

    private static BuiltInModels.Assessment assess(
            BuiltInModels models, FrozenSets.Item item, float[] embedding, double weight) {
        return models.assess(
                item.text(),
                item.language(),
                TextFeatures.terms(item.text(), item.language()),
                weight > 0 ? embedding : null);
    }
}
