package org.xray.training.report;

import java.util.Locale;

/** How figures are printed in the charts and the HTML page, alike in both. */
final class Formats {

    private Formats() {
    }

    /** ROC-AUC, average precision, kappa: three decimals. */
    static String metric(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** A score or threshold: four significant digits, as scores have no fixed scale. */
    static String score(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
