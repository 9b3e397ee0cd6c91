package dev.takeover.bot.nlu;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Sentence embeddings of the built-in models' training texts, computed once and shipped as a resource, so the service
 * starts in seconds rather than embedding a few thousand texts first. Only a cache: a text it lacks, or a cache of
 * another model, is simply embedded at start-up. Vectors are stored as signed bytes with one scale each.
 */
final class EmbeddingCache {

    static final String RESOURCE = "/nlu/builtin/embeddings.bin.gz";

    private final String model;
    private final Map<String, float[]> vectors;

    private EmbeddingCache(String model, Map<String, float[]> vectors) {
        this.model = model;
        this.vectors = vectors;
    }

    static EmbeddingCache load(String model) {
        try (InputStream raw = EmbeddingCache.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                return new EmbeddingCache(model, Map.of());
            }
            DataInputStream in = new DataInputStream(new GZIPInputStream(raw));
            String stored = in.readUTF();
            int count = in.readInt();
            int dimensions = in.readInt();
            if (!stored.equals(model)) {
                return new EmbeddingCache(model, Map.of());
            }
            Map<String, float[]> vectors = new HashMap<>(count * 2);
            byte[] bytes = new byte[dimensions];
            for (int i = 0; i < count; i++) {
                String text = in.readUTF();
                float scale = in.readFloat();
                in.readFully(bytes);
                float[] vector = new float[dimensions];
                for (int d = 0; d < dimensions; d++) {
                    vector[d] = bytes[d] * scale;
                }
                vectors.put(text, vector);
            }
            return new EmbeddingCache(model, vectors);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The embeddings of the texts, from the cache where it has them, from the encoder for the rest (one batch). */
    float[][] embed(List<String> texts, SentenceEncoder encoder) {
        float[][] result = new float[texts.size()][];
        List<String> missing = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            result[i] = vectors.get(texts.get(i));
            if (result[i] == null) {
                missing.add(texts.get(i));
                at.add(i);
            }
        }
        float[][] computed = encoder.encode(missing);
        for (int i = 0; i < computed.length; i++) {
            result[at.get(i)] = computed[i];
        }
        return result;
    }

    int size() {
        return vectors.size();
    }

    /** Writes the embeddings of {@code texts} for {@code model}: how the shipped resource is made. */
    static void write(String model, List<String> texts, float[][] embeddings, OutputStream target) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(buffer))) {
            out.writeUTF(model);
            out.writeInt(texts.size());
            out.writeInt(embeddings.length == 0 ? 0 : embeddings[0].length);
            for (int i = 0; i < texts.size(); i++) {
                float[] vector = embeddings[i];
                float max = 0;
                for (float v : vector) {
                    max = Math.max(max, Math.abs(v));
                }
                float scale = max == 0 ? 1 : max / 127f;
                out.writeUTF(texts.get(i));
                out.writeFloat(scale);
                for (float v : vector) {
                    out.writeByte(Math.round(v / scale));
                }
            }
        }
        target.write(buffer.toByteArray());
    }

    String model() {
        return model;
    }
}
