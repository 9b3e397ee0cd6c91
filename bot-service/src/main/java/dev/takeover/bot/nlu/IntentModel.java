package dev.takeover.bot.nlu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * The lexical half of the intent classifier: TF-IDF vectors of {@link TextFeatures} terms and one-vs-rest logistic
 * regression (liblinear), one binary model per intent trained in parallel, plus the nearest training phrase by TF-IDF
 * cosine. Immutable once trained, so one instance serves every thread until a new catalogue replaces it.
 */
final class IntentModel {

    private static final double PAIR_WEIGHT = 0.6;
    private static final double CHAR_WEIGHT = 0.9;
    /**
     * At most this many weights (4 bytes each) for all intents together: beyond it, terms seen in only one phrase go
     * first. Keeps a large catalogue's model, and the one it replaces, well inside a 512 MB heap.
     */
    private static final long MAX_WEIGHTS = 8_000_000;
    /** Negative examples per one-vs-rest model, beyond which they are sampled. */
    private static final int MAX_NEGATIVES = 3_000;

    private final Map<String, Integer> vocabulary;
    private final double[] idf;
    /** One weight vector per intent, the bias last; floats halve the memory of a large catalogue's model. */
    private final float[][] weights;

    private final String[] intents;
    private final int[][] postingDocs;
    private final float[][] postingWeights;
    private final int[] docIntent;

    private IntentModel(
            Map<String, Integer> vocabulary,
            double[] idf,
            float[][] weights,
            String[] intents,
            int[][] postingDocs,
            float[][] postingWeights,
            int[] docIntent) {
        this.vocabulary = vocabulary;
        this.idf = idf;
        this.weights = weights;
        this.intents = intents;
        this.postingDocs = postingDocs;
        this.postingWeights = postingWeights;
        this.docIntent = docIntent;
    }

    /** One labelled example: its terms and its intent. */
    record Example(List<String> terms, String intent) {}

    /** An intent with its normalised probability. */
    record Scored(String intent, double probability) {}

    /**
     * What the model thinks: intents best first, the raw one-vs-rest score of the best (low when no intent claims the
     * message), and the cosine similarity of the nearest training phrase.
     */
    record Prediction(List<Scored> ranked, double bestRawScore, double nearestSimilarity) {
        Scored best() {
            return ranked.get(0);
        }
    }

    static IntentModel train(List<Example> examples, double cost) {
        Map<String, Integer> vocabulary = new HashMap<>();
        List<Integer> documentFrequency = new ArrayList<>();
        for (Example example : examples) {
            for (String term : distinct(example.terms())) {
                Integer index = vocabulary.get(term);
                if (index == null) {
                    vocabulary.put(term, vocabulary.size());
                    documentFrequency.add(1);
                } else {
                    documentFrequency.set(index, documentFrequency.get(index) + 1);
                }
            }
        }
        long intentCount = examples.stream().map(Example::intent).distinct().count();
        int minimumDocumentFrequency = 1;
        while ((long) countAtLeast(documentFrequency, minimumDocumentFrequency) * intentCount > MAX_WEIGHTS) {
            minimumDocumentFrequency++;
        }
        if (minimumDocumentFrequency > 1) {
            Map<String, Integer> kept = new HashMap<>();
            List<Integer> keptFrequency = new ArrayList<>();
            for (Map.Entry<String, Integer> term : vocabulary.entrySet()) {
                int frequency = documentFrequency.get(term.getValue());
                if (frequency >= minimumDocumentFrequency) {
                    kept.put(term.getKey(), kept.size());
                    keptFrequency.add(frequency);
                }
            }
            vocabulary = kept;
            documentFrequency = keptFrequency;
        }
        double[] idf = new double[vocabulary.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = Math.log((1.0 + examples.size()) / (1.0 + documentFrequency.get(i))) + 1.0;
        }

        Map<String, Integer> intentIndex = new HashMap<>();
        List<String> intentNames = new ArrayList<>();
        Feature[][] vectors = new Feature[examples.size()][];
        double[] labels = new double[examples.size()];
        int[] docIntent = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            Example example = examples.get(i);
            vectors[i] = vectorise(example.terms(), vocabulary, idf);
            int label = intentIndex.computeIfAbsent(example.intent(), name -> {
                intentNames.add(name);
                return intentNames.size() - 1;
            });
            labels[i] = label;
            docIntent[i] = label;
        }

        int features = vocabulary.size() + 1;
        Feature[][] biased = withBias(vectors, features);
        Linear.disableDebugOutput();
        float[][] weights = IntStream.range(0, intentNames.size())
                .parallel()
                .mapToObj(intent -> oneVersusRest(biased, labels, intent, features, cost))
                .toArray(float[][]::new);

        int[][] postingDocs = new int[vocabulary.size()][];
        float[][] postingWeights = new float[vocabulary.size()][];
        int[] postingSizes = new int[vocabulary.size()];
        for (Feature[] vector : vectors) {
            for (Feature feature : vector) {
                postingSizes[feature.getIndex() - 1]++;
            }
        }
        for (int f = 0; f < postingSizes.length; f++) {
            postingDocs[f] = new int[postingSizes[f]];
            postingWeights[f] = new float[postingSizes[f]];
            postingSizes[f] = 0;
        }
        for (int doc = 0; doc < vectors.length; doc++) {
            for (Feature feature : vectors[doc]) {
                int f = feature.getIndex() - 1;
                postingDocs[f][postingSizes[f]] = doc;
                postingWeights[f][postingSizes[f]] = (float) feature.getValue();
                postingSizes[f]++;
            }
        }
        return new IntentModel(
                vocabulary, idf, weights, intentNames.toArray(String[]::new), postingDocs, postingWeights, docIntent);
    }

    /**
     * One intent against the rest. In a large catalogue the rest is sampled (every phrase of the intent, at most
     * {@link #MAX_NEGATIVES} others), which makes training several times faster; the bias is then corrected by the
     * sampling rate, so the probability stays that of the whole catalogue.
     */
    private static float[] oneVersusRest(Feature[][] x, double[] labels, int intent, int features, double cost) {
        List<Integer> positives = new ArrayList<>();
        List<Integer> negatives = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            (labels[i] == intent ? positives : negatives).add(i);
        }
        double negativeRate = 1;
        if (negatives.size() > MAX_NEGATIVES) {
            Collections.shuffle(negatives, new Random(intent));
            negativeRate = (double) MAX_NEGATIVES / negatives.size();
            negatives = negatives.subList(0, MAX_NEGATIVES);
        }
        Problem problem = new Problem();
        problem.l = positives.size() + negatives.size();
        problem.n = features;
        problem.x = new Feature[problem.l][];
        problem.y = new double[problem.l];
        int row = 0;
        for (int i : positives) {
            problem.x[row] = x[i];
            problem.y[row++] = 1;
        }
        for (int i : negatives) {
            problem.x[row] = x[i];
            problem.y[row++] = -1;
        }
        problem.bias = 1.0;
        Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR_DUAL, cost, 0.1));
        double[] trained = model.getFeatureWeights();
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        float[] weights = new float[features];
        for (int f = 0; f < Math.min(features, trained.length); f++) {
            weights[f] = (float) (sign * trained[f]);
        }
        weights[features - 1] += (float) Math.log(negativeRate);
        return weights;
    }

    Prediction predict(List<String> terms) {
        Feature[] vector = vectorise(terms, vocabulary, idf);
        int bias = vocabulary.size();
        double[] scores = new double[intents.length];
        for (int i = 0; i < intents.length; i++) {
            float[] w = weights[i];
            double decision = w[bias];
            for (Feature feature : vector) {
                decision += w[feature.getIndex() - 1] * feature.getValue();
            }
            scores[i] = sigmoid(decision);
        }
        double best = Arrays.stream(scores).max().orElse(0);
        double sum = Arrays.stream(scores).sum();
        List<Scored> ranked = new ArrayList<>(intents.length);
        for (int i = 0; i < intents.length; i++) {
            ranked.add(new Scored(intents[i], sum == 0 ? 0 : scores[i] / sum));
        }
        ranked.sort(Comparator.comparingDouble(Scored::probability).reversed());
        return new Prediction(List.copyOf(ranked), best, nearestSimilarity(vector));
    }

    int vocabularySize() {
        return vocabulary.size();
    }

    private double nearestSimilarity(Feature[] vector) {
        if (vector.length == 0) {
            return 0;
        }
        float[] similarity = new float[docIntent.length];
        for (Feature feature : vector) {
            int f = feature.getIndex() - 1;
            int[] docs = postingDocs[f];
            float[] weights = postingWeights[f];
            float value = (float) feature.getValue();
            for (int i = 0; i < docs.length; i++) {
                similarity[docs[i]] += value * weights[i];
            }
        }
        float best = 0;
        for (float s : similarity) {
            best = Math.max(best, s);
        }
        return Math.min(1.0, best);
    }

    /** Sub-linear TF-IDF, each term family normalised on its own and weighted, then the whole vector to unit length. */
    private static Feature[] vectorise(List<String> terms, Map<String, Integer> vocabulary, double[] idf) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (String term : terms) {
            Integer index = vocabulary.get(term);
            if (index != null) {
                counts.merge(index, 1, Integer::sum);
            }
        }
        Map<Integer, String> family = new HashMap<>();
        for (String term : terms) {
            Integer index = vocabulary.get(term);
            if (index != null) {
                family.putIfAbsent(index, term.substring(0, 2));
            }
        }
        Map<String, Double> familyNorms = new HashMap<>();
        double[] values = new double[counts.size()];
        int[] indices =
                counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        for (int i = 0; i < indices.length; i++) {
            int index = indices[i];
            values[i] = (1 + Math.log(counts.get(index))) * idf[index];
            familyNorms.merge(family.get(index), values[i] * values[i], Double::sum);
        }
        double total = 0;
        for (int i = 0; i < indices.length; i++) {
            String name = family.get(indices[i]);
            values[i] = values[i] / Math.sqrt(familyNorms.get(name)) * familyWeight(name);
            total += values[i] * values[i];
        }
        Feature[] vector = new Feature[indices.length];
        double norm = total == 0 ? 1 : Math.sqrt(total);
        for (int i = 0; i < indices.length; i++) {
            vector[i] = new FeatureNode(indices[i] + 1, values[i] / norm);
        }
        return vector;
    }

    private static double familyWeight(String family) {
        return switch (family) {
            case TextFeatures.PAIR -> PAIR_WEIGHT;
            case TextFeatures.CHARS -> CHAR_WEIGHT;
            default -> 1.0;
        };
    }

    private static Feature[][] withBias(Feature[][] vectors, int biasIndex) {
        Feature[][] biased = new Feature[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            biased[i] = withBias(vectors[i], biasIndex);
        }
        return biased;
    }

    private static Feature[] withBias(Feature[] vector, int biasIndex) {
        Feature[] biased = Arrays.copyOf(vector, vector.length + 1);
        biased[vector.length] = new FeatureNode(biasIndex, 1.0);
        return biased;
    }

    private static int countAtLeast(List<Integer> frequencies, int minimum) {
        return (int)
                frequencies.stream().filter(frequency -> frequency >= minimum).count();
    }

    private static List<String> distinct(List<String> terms) {
        return terms.stream().distinct().toList();
    }

    private static double sigmoid(double value) {
        return 1 / (1 + Math.exp(-value));
    }
}
