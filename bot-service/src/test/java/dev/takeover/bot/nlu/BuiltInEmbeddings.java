package dev.takeover.bot.nlu;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code src/main/resources/nlu/builtin/embeddings.bin.gz}, the cached embeddings of the built-in models'
 * training texts, all anew ({@code BuiltInTrainingTest} embeds only the texts the cache lacks); {@link #texts()} is
 * what the cache must cover ({@code BuiltInModelsTest} checks it).
 */
final class BuiltInEmbeddings {

    private BuiltInEmbeddings() {}

    static List<String> texts() {
        LinkedHashSet<String> texts = new LinkedHashSet<>();
        for (String file : List.of("human-request", "critical", "sentiment")) {
            BuiltInModels.read("nlu/builtin/" + file + ".tsv").forEach(row -> texts.add(row.text()));
        }
        return new ArrayList<>(texts);
    }

    /** The embeddings of a built-in model's training rows and dev items, from the cache where it has them. */
    static Map<String, float[]> of(
            SentenceEncoder encoder, List<BuiltInModels.Labelled> training, List<FrozenSets.Item> dev) {
        LinkedHashSet<String> texts = new LinkedHashSet<>();
        training.forEach(row -> texts.add(row.text()));
        dev.forEach(item -> texts.add(item.text()));
        List<String> all = new ArrayList<>(texts);
        float[][] vectors = EmbeddingCache.load(encoder.model().name()).embed(all, encoder);
        Map<String, float[]> embeddings = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            embeddings.put(all.get(i), vectors[i]);
        }
        return embeddings;
    }

    public static void main(String[] args) throws Exception {
        SentenceEncoder.Model model = SentenceEncoder.Model.ALL_MINILM_L6_V2_Q;
        try (SentenceEncoder encoder =
                new SentenceEncoder(model, Runtime.getRuntime().availableProcessors())) {
            List<String> texts = texts();
            float[][] embeddings = encoder.encode(texts);
            Path target = Path.of("src/main/resources" + EmbeddingCache.RESOURCE);
            try (OutputStream out = Files.newOutputStream(target)) {
                EmbeddingCache.write(model.name(), texts, embeddings, out);
            }
            System.out.println(target + ": " + texts.size() + " texts, " + Files.size(target) + " bytes");
        }
    }
}
