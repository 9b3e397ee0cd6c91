package dev.takeover.bot.nlu;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * The semantic half of the intent classifier, over sentence embeddings of the catalogue: a ridge-regression classifier
 * (closed form, so a 10,000-phrase catalogue trains in about a second) and the nearest catalogue phrase. It also
 * calibrates out of scope on the catalogue itself, per language: how similar a phrase is to its nearest neighbour when
 * it is left out tells how similar a new message that the catalogue covers tends to be, so the threshold adapts to any
 * catalogue (dense or sparse, broad or narrow, English or German) instead of being one fixed number.
 */
final class SemanticIndex {

    /** Phrases sampled per language to calibrate; enough for a stable quantile, cheap for 100,000 phrases. */
    private static final int CALIBRATION_SAMPLE = 1_500;
    /**
     * A neighbour this similar is the same phrase written again (a greeting added, a typo, another case): it is left
     * out with the phrase, or a catalogue that lists such variants would set its threshold so high that almost every
     * new message came out of scope (measured on our bank catalogue: 28 % in-scope accuracy with them counted).
     */
    private static final double NEAR_DUPLICATE = 0.95;

    private final float[] phrases;
    private final int dimensions;
    private final int[] phraseIntent;
    private final int intentCount;
    private final double[][] ridge;
    private final double temperature;
    private final Map<String, Double> thresholds;
    private final double overallThreshold;

    private SemanticIndex(
            float[] phrases,
            int dimensions,
            int[] phraseIntent,
            int intentCount,
            double[][] ridge,
            double temperature,
            Map<String, Double> thresholds,
            double overallThreshold) {
        this.phrases = phrases;
        this.dimensions = dimensions;
        this.phraseIntent = phraseIntent;
        this.intentCount = intentCount;
        this.ridge = ridge;
        this.temperature = temperature;
        this.thresholds = thresholds;
        this.overallThreshold = overallThreshold;
    }

    /** What the index thinks of a message: a probability per intent, and its nearest phrase's similarity and intent. */
    record Match(double[] probabilities, double nearestSimilarity, int nearestIntent) {}

    /**
     * @param embeddings unit-length, one per phrase
     * @param labels each phrase's intent index
     * @param languages each phrase's language
     * @param outOfScopeLabels intents that mean "not ours": never a neighbour a message can be in scope by
     * @param quantile per language, the share of the catalogue's own left-out phrases to be called out of scope
     */
    static SemanticIndex train(
            float[][] embeddings,
            int[] labels,
            int intentCount,
            List<String> languages,
            Set<Integer> outOfScopeLabels,
            double lambda,
            double temperature,
            ToDoubleFunction<String> quantile) {
        int dimensions = embeddings[0].length;
        float[] flat = new float[embeddings.length * dimensions];
        for (int i = 0; i < embeddings.length; i++) {
            System.arraycopy(embeddings[i], 0, flat, i * dimensions, dimensions);
        }
        double[][] ridge = ridge(embeddings, labels, intentCount, lambda);
        Map<String, Double> thresholds = new HashMap<>();
        double overall =
                calibrate(flat, dimensions, labels, outOfScopeLabels, languages, null, quantile.applyAsDouble(null));
        for (String language : languages.stream().distinct().toList()) {
            thresholds.put(
                    language,
                    calibrate(
                            flat,
                            dimensions,
                            labels,
                            outOfScopeLabels,
                            languages,
                            language,
                            quantile.applyAsDouble(language)));
        }
        return new SemanticIndex(
                flat, dimensions, labels.clone(), intentCount, ridge, temperature, Map.copyOf(thresholds), overall);
    }

    Match match(float[] query) {
        double[] scores = new double[intentCount];
        int bias = dimensions;
        for (int c = 0; c < intentCount; c++) {
            double[] w = ridge[c];
            double score = w[bias];
            for (int d = 0; d < dimensions; d++) {
                score += w[d] * query[d];
            }
            scores[c] = score;
        }
        double max = Arrays.stream(scores).max().orElse(0);
        double sum = 0;
        for (int c = 0; c < intentCount; c++) {
            scores[c] = Math.exp((scores[c] - max) / temperature);
            sum += scores[c];
        }
        for (int c = 0; c < intentCount; c++) {
            scores[c] /= sum;
        }
        double nearest = -1;
        int nearestIntent = -1;
        for (int p = 0; p < phraseIntent.length; p++) {
            double similarity = dot(query, phrases, p * dimensions, dimensions);
            if (similarity > nearest) {
                nearest = similarity;
                nearestIntent = phraseIntent[p];
            }
        }
        return new Match(scores, nearest, nearestIntent);
    }

    /** Below this similarity to its nearest phrase, a message in this language is out of scope. */
    double threshold(String language) {
        return thresholds.getOrDefault(language, overallThreshold);
    }

    Map<String, Double> thresholds() {
        return thresholds;
    }

    /**
     * The quantile of the left-out nearest-neighbour similarity of the catalogue's in-scope phrases (of one language,
     * or all): a phrase is compared with every other phrase, as a new message would be.
     */
    private static double calibrate(
            float[] flat,
            int dimensions,
            int[] labels,
            Set<Integer> outOfScopeLabels,
            List<String> languages,
            String language,
            double quantile) {
        int[] candidates = IntStream.range(0, labels.length)
                .filter(i -> !outOfScopeLabels.contains(labels[i]))
                .filter(i -> language == null || language.equals(languages.get(i)))
                .toArray();
        if (candidates.length < 2) {
            return 0;
        }
        if (candidates.length > CALIBRATION_SAMPLE) {
            Random random = new Random(candidates.length);
            for (int i = candidates.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = candidates[i];
                candidates[i] = candidates[j];
                candidates[j] = swap;
            }
            candidates = Arrays.copyOf(candidates, CALIBRATION_SAMPLE);
        }
        int[] sample = candidates;
        double[] leftOut = IntStream.range(0, sample.length)
                .parallel()
                .mapToDouble(s -> {
                    int phrase = sample[s];
                    double nearest = -1;
                    for (int other = 0; other < labels.length; other++) {
                        if (other != phrase) {
                            double similarity = dot(flat, phrase * dimensions, flat, other * dimensions, dimensions);
                            if (similarity < NEAR_DUPLICATE) {
                                nearest = Math.max(nearest, similarity);
                            }
                        }
                    }
                    return nearest;
                })
                .sorted()
                .toArray();
        return leftOut[(int) Math.min(leftOut.length - 1, Math.floor(quantile * leftOut.length))];
    }

    /** Ridge regression onto one-hot intents, (XᵀX + λI)⁻¹XᵀY by Cholesky, with a bias column. */
    private static double[][] ridge(float[][] x, int[] labels, int intents, double lambda) {
        int d = x[0].length + 1;
        double[][] gram = new double[d][d];
        double[][] targets = new double[d][intents];
        double[] row = new double[d];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d - 1; j++) {
                row[j] = x[i][j];
            }
            row[d - 1] = 1;
            for (int a = 0; a < d; a++) {
                double value = row[a];
                double[] gramRow = gram[a];
                for (int b = a; b < d; b++) {
                    gramRow[b] += value * row[b];
                }
                targets[a][labels[i]] += value;
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                gram[a][b] = gram[b][a];
            }
            gram[a][a] += lambda;
        }
        double[][] lower = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = gram[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= lower[i][k] * lower[j][k];
                }
                lower[i][j] = i == j ? Math.sqrt(sum) : sum / lower[j][j];
            }
        }
        double[][] weights = new double[intents][d];
        IntStream.range(0, intents).parallel().forEach(c -> {
            double[] z = new double[d];
            for (int i = 0; i < d; i++) {
                double sum = targets[i][c];
                for (int k = 0; k < i; k++) {
                    sum -= lower[i][k] * z[k];
                }
                z[i] = sum / lower[i][i];
            }
            double[] w = weights[c];
            for (int i = d - 1; i >= 0; i--) {
                double sum = z[i];
                for (int k = i + 1; k < d; k++) {
                    sum -= lower[k][i] * w[k];
                }
                w[i] = sum / lower[i][i];
            }
        });
        return weights;
    }

    private static double dot(float[] query, float[] flat, int offset, int dimensions) {
        double sum = 0;
        for (int d = 0; d < dimensions; d++) {
            sum += query[d] * flat[offset + d];
        }
        return sum;
    }

    private static double dot(float[] a, int offsetA, float[] b, int offsetB, int dimensions) {
        double sum = 0;
        for (int d = 0; d < dimensions; d++) {
            sum += a[offsetA + d] * b[offsetB + d];
        }
        return sum;
    }
}
