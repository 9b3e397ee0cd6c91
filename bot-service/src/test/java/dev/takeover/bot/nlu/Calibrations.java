package dev.takeover.bot.nlu;

import java.util.List;

/** Fitting and measuring {@link ConfidenceCalibration}: Platt scaling by Newton's method, and the ECE. */
final class Calibrations {

    /** One intent decision: its raw confidence, the intent it named, and whether that was right. */
    record Decision(double raw, String intent, boolean correct) {
        boolean outOfScope() {
            return Understanding.OUT_OF_SCOPE.equals(intent);
        }

        /** A pure request for a person reports the request model's probability, which is not remapped. */
        boolean remapped() {
            return !Understanding.HUMAN_REQUEST.equals(intent);
        }

        double confidence(ConfidenceCalibration calibration) {
            if (!remapped()) {
                return raw;
            }
            return outOfScope() ? calibration.outOfScope(raw) : calibration.inScope(raw);
        }
    }

    private Calibrations() {}

    static ConfidenceCalibration fit(List<Decision> decisions) {
        double[] in = platt(
                decisions.stream().filter(d -> d.remapped() && !d.outOfScope()).toList());
        double[] out = platt(
                decisions.stream().filter(d -> d.remapped() && d.outOfScope()).toList());
        return new ConfidenceCalibration(in[0], in[1], out[0], out[1]);
    }

    /** Slope and offset on the logit of the raw confidence that maximise the likelihood of the outcomes. */
    static double[] platt(List<Decision> decisions) {
        if (decisions.size() < 10) {
            return new double[] {1, 0};
        }
        double a = 1;
        double b = 0;
        for (int iteration = 0; iteration < 50; iteration++) {
            double ga = 0, gb = 0, haa = 1e-6, hab = 0, hbb = 1e-6;
            for (Decision d : decisions) {
                double z = logit(d.raw());
                double p = 1 / (1 + Math.exp(-(a * z + b)));
                double y = d.correct() ? 1 : 0;
                ga += (p - y) * z;
                gb += p - y;
                double w = p * (1 - p);
                haa += w * z * z;
                hab += w * z;
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) + Math.abs(db) < 1e-9) {
                break;
            }
        }
        return new double[] {a, b};
    }

    /** Expected calibration error over ten equal-width bins of (confidence, right 1 / wrong 0) pairs. */
    static double ece(List<double[]> pairs) {
        double ece = 0;
        for (int bin = 0; bin < 10; bin++) {
            double low = bin / 10.0;
            double high = (bin + 1) / 10.0;
            boolean last = bin == 9;
            List<double[]> in = pairs.stream()
                    .filter(c -> c[0] >= low && (c[0] < high || (last && c[0] <= 1)))
                    .toList();
            if (in.isEmpty()) {
                continue;
            }
            double confidence = in.stream().mapToDouble(c -> c[0]).average().orElse(0);
            double accuracy = in.stream().mapToDouble(c -> c[1]).average().orElse(0);
            ece += (double) in.size() / pairs.size() * Math.abs(accuracy - confidence);
        }
        return ece;
    }

    static List<double[]> pairs(List<Decision> decisions, ConfidenceCalibration calibration) {
        return decisions.stream()
                .map(d -> new double[] {d.confidence(calibration), d.correct() ? 1 : 0})
                .toList();
    }

    private static double logit(double raw) {
        double p = Math.min(1 - 1e-6, Math.max(1e-6, raw));
        return Math.log(p / (1 - p));
    }
}
