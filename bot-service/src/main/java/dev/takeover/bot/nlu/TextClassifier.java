package dev.takeover.bot.nlu;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * A logistic-regression classifier over a message's words, word pairs and character n-grams (TF-IDF) and, when given,
 * its sentence embedding: the built-in models (a request for a person, a critical issue, sentiment) are each one of
 * these, trained at start-up on examples written for them. The lexical terms carry German compounds, slang and typos;
 * the embedding carries paraphrases no example has. Immutable once trained; {@link #write} and {@link #read} keep a
 * trained one, so the service loads the built-in models instead of training them at start-up.
 */
final class TextClassifier {

    /** One training example: its terms, its embedding (or null for a lexical-only model) and its label. */
    record Example(List<String> terms, float[] embedding, String label) {}

    /** Words too common to be evidence of anything. */
    private static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of(
            "your", "yours", "have", "been", "with", "from", "this", "that", "they", "them", "there", "what", "when",
            "were", "will", "would", "could", "should", "about", "just", "unser", "unsere", "euer", "eure", "eurer",
            "mein", "meine", "meinen", "meiner", "dein", "deine", "ihre", "ihren", "sind", "wird", "wurde", "wurden",
            "haben", "habe", "eine", "einen", "einem", "einer", "nicht", "mehr", "noch", "schon", "auch", "aber",
            "oder", "dass", "seit", "heute");

    private final Map<String, Integer> vocabulary;
    private final double[] idf;
    private final String[] labels;
    /** Per label, a weight per feature: the lexical terms, then the embedding's dimensions, then the bias. */
    private final double[][] weights;

    private final int dimensions;
    private final double embeddingWeight;

    private TextClassifier(
            Map<String, Integer> vocabulary,
            double[] idf,
            String[] labels,
            double[][] weights,
            int dimensions,
            double embeddingWeight) {
        this.vocabulary = vocabulary;
        this.idf = idf;
        this.labels = labels;
        this.weights = weights;
        this.dimensions = dimensions;
        this.embeddingWeight = embeddingWeight;
    }

    /**
     * @param cost liblinear's C
     * @param embeddingWeight how much the embedding counts beside the unit-length lexical vector (0: lexical only)
     */
    static TextClassifier train(List<Example> examples, double cost, double embeddingWeight) {
        Map<String, Integer> vocabulary = new HashMap<>();
        List<Integer> frequency = new ArrayList<>();
        for (Example example : examples) {
            for (String term : example.terms().stream().distinct().toList()) {
                Integer index = vocabulary.putIfAbsent(term, vocabulary.size());
                if (index == null) {
                    frequency.add(1);
                } else {
                    frequency.set(index, frequency.get(index) + 1);
                }
            }
        }
        double[] idf = new double[vocabulary.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = Math.log((1.0 + examples.size()) / (1.0 + frequency.get(i))) + 1.0;
        }
        int dimensions = embeddingWeight > 0 && examples.get(0).embedding() != null
                ? examples.get(0).embedding().length
                : 0;
        Map<String, Integer> labelIndex = new LinkedHashMap<>();
        examples.forEach(example -> labelIndex.putIfAbsent(example.label(), labelIndex.size()));
        String[] labels = labelIndex.keySet().toArray(String[]::new);

        int features = vocabulary.size() + dimensions + 1;
        Problem problem = new Problem();
        problem.l = examples.size();
        problem.n = features;
        problem.bias = -1;
        problem.x = new Feature[examples.size()][];
        problem.y = new double[examples.size()];
        int[] perLabel = new int[labels.length];
        for (int i = 0; i < examples.size(); i++) {
            Example example = examples.get(i);
            problem.x[i] =
                    vectorise(example.terms(), example.embedding(), vocabulary, idf, dimensions, embeddingWeight);
            problem.y[i] = labelIndex.get(example.label());
            perLabel[(int) problem.y[i]]++;
        }
        // every label weighs the same in total, however many examples it has
        double[] labelWeights = new double[labels.length];
        int[] labelIds = new int[labels.length];
        for (int c = 0; c < labels.length; c++) {
            labelIds[c] = c;
            labelWeights[c] = (double) examples.size() / labels.length / Math.max(1, perLabel[c]);
        }
        Parameter parameter = new Parameter(SolverType.L2R_LR, cost, 0.01);
        parameter.setWeights(labelWeights, labelIds);
        Linear.disableDebugOutput();
        Model model = Linear.train(problem, parameter);
        double[] trained = model.getFeatureWeights();
        int[] modelLabels = model.getLabels();
        double[][] weights = new double[labels.length][features];
        if (labels.length == 2) {
            // liblinear keeps one weight vector for two classes: for its first label, the other is its negation
            int first = modelLabels[0];
            for (int f = 0; f < features; f++) {
                weights[first][f] = trained[f];
                weights[1 - first][f] = -trained[f];
            }
        } else {
            for (int f = 0; f < features; f++) {
                for (int c = 0; c < modelLabels.length; c++) {
                    weights[modelLabels[c]][f] = trained[f * modelLabels.length + c];
                }
            }
        }
        return new TextClassifier(vocabulary, idf, labels, weights, dimensions, embeddingWeight);
    }

    /**
     * The trained model in a compact form: the vocabulary in index order, IDF and weights as floats (the decisions
     * differ from the doubles' in the seventh digit), a two-label model's second weight row left out as the negation
     * of the first.
     */
    void write(DataOutputStream out) throws IOException {
        String[] terms = new String[vocabulary.size()];
        vocabulary.forEach((term, index) -> terms[index] = term);
        out.writeInt(terms.length);
        for (int i = 0; i < terms.length; i++) {
            out.writeUTF(terms[i]);
            out.writeFloat((float) idf[i]);
        }
        out.writeInt(labels.length);
        for (String label : labels) {
            out.writeUTF(label);
        }
        out.writeInt(dimensions);
        out.writeDouble(embeddingWeight);
        int rows = labels.length == 2 ? 1 : labels.length;
        for (int c = 0; c < rows; c++) {
            for (double weight : weights[c]) {
                out.writeFloat((float) weight);
            }
        }
    }

    static TextClassifier read(DataInputStream in) throws IOException {
        int size = in.readInt();
        Map<String, Integer> vocabulary = new HashMap<>(size * 2);
        double[] idf = new double[size];
        for (int i = 0; i < size; i++) {
            vocabulary.put(in.readUTF(), i);
            idf[i] = in.readFloat();
        }
        String[] labels = new String[in.readInt()];
        for (int c = 0; c < labels.length; c++) {
            labels[c] = in.readUTF();
        }
        int dimensions = in.readInt();
        double embeddingWeight = in.readDouble();
        int features = size + dimensions + 1;
        double[][] weights = new double[labels.length][features];
        int rows = labels.length == 2 ? 1 : labels.length;
        for (int c = 0; c < rows; c++) {
            for (int f = 0; f < features; f++) {
                weights[c][f] = in.readFloat();
            }
        }
        if (labels.length == 2) {
            for (int f = 0; f < features; f++) {
                weights[1][f] = -weights[0][f];
            }
        }
        return new TextClassifier(vocabulary, idf, labels, weights, dimensions, embeddingWeight);
    }

    boolean usesEmbedding() {
        return dimensions > 0;
    }

    List<String> labels() {
        return List.of(labels);
    }

    /**
     * Each label's own one-versus-rest probability, in the order of {@link #labels()}, not normalised: a message unlike
     * every training example gets low ones for every label, instead of whichever label's bias is least low being
     * blown up to near certainty ("hi, good morning" is not NEGATIVE because it is not a question either).
     */
    double[] ownProbabilities(List<String> terms, float[] embedding) {
        Feature[] x = vectorise(terms, embedding, vocabulary, idf, dimensions, embeddingWeight);
        double[] probabilities = new double[labels.length];
        for (int c = 0; c < labels.length; c++) {
            probabilities[c] = sigmoid(decision(weights[c], x));
        }
        return probabilities;
    }

    /** A probability per label, in the order of {@link #labels()}, summing to 1. */
    double[] probabilities(List<String> terms, float[] embedding) {
        Feature[] x = vectorise(terms, embedding, vocabulary, idf, dimensions, embeddingWeight);
        double[] scores = new double[labels.length];
        for (int c = 0; c < labels.length; c++) {
            scores[c] = decision(weights[c], x);
        }
        double[] probabilities = new double[labels.length];
        if (labels.length == 2) {
            probabilities[0] = sigmoid(scores[0]);
            probabilities[1] = 1 - probabilities[0];
            return probabilities;
        }
        double sum = 0;
        for (int c = 0; c < labels.length; c++) {
            probabilities[c] = sigmoid(scores[c]);
            sum += probabilities[c];
        }
        for (int c = 0; c < labels.length; c++) {
            probabilities[c] /= sum;
        }
        return probabilities;
    }

    double probability(String label, List<String> terms, float[] embedding) {
        return probabilities(terms, embedding)[List.of(labels).indexOf(label)];
    }

    /**
     * The words of the message that speak most for {@code label} on their own (each scored alone by the lexical part),
     * strongest first: the evidence behind a decision, in the customer's words.
     */
    List<String> evidence(String text, String language, String label, int limit) {
        int c = List.of(labels).indexOf(label);
        double bias = weights[c][weights[c].length - 1];
        Map<String, Double> scored = new HashMap<>();
        for (String word : TextFeatures.words(text)) {
            if (word.length() < 4 || FUNCTION_WORDS.contains(word) || scored.containsKey(word)) {
                continue;
            }
            Feature[] x = vectorise(TextFeatures.terms(word, language), null, vocabulary, idf, 0, 0);
            double score = decision(weights[c], x) - bias;
            if (score > 0.5) {
                scored.put(word, score);
            }
        }
        return scored.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static double decision(double[] w, Feature[] x) {
        double score = w[w.length - 1];
        for (Feature feature : x) {
            score += w[feature.getIndex() - 1] * feature.getValue();
        }
        return score;
    }

    /** TF-IDF of the known terms to unit length, the embedding scaled by its weight, and a bias of 1. */
    private static Feature[] vectorise(
            List<String> terms,
            float[] embedding,
            Map<String, Integer> vocabulary,
            double[] idf,
            int dimensions,
            double embeddingWeight) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (String term : terms) {
            Integer index = vocabulary.get(term);
            if (index != null) {
                counts.merge(index, 1, Integer::sum);
            }
        }
        int[] indices =
                counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        double[] values = new double[indices.length];
        double norm = 0;
        for (int i = 0; i < indices.length; i++) {
            values[i] = (1 + Math.log(counts.get(indices[i]))) * idf[indices[i]];
            norm += values[i] * values[i];
        }
        norm = norm == 0 ? 1 : Math.sqrt(norm);
        boolean withEmbedding = dimensions > 0 && embedding != null;
        Feature[] x = new Feature[indices.length + (withEmbedding ? dimensions : 0) + 1];
        for (int i = 0; i < indices.length; i++) {
            x[i] = new FeatureNode(indices[i] + 1, values[i] / norm);
        }
        int offset = vocabulary.size();
        if (withEmbedding) {
            for (int d = 0; d < dimensions; d++) {
                x[indices.length + d] = new FeatureNode(offset + d + 1, embedding[d] * embeddingWeight);
            }
        }
        x[x.length - 1] = new FeatureNode(offset + dimensions + 1, 1.0);
        return x;
    }

    private static double sigmoid(double value) {
        return 1 / (1 + Math.exp(-value));
    }

    @Override
    public String toString() {
        return "TextClassifier" + Arrays.toString(labels);
    }
}
