package org.xray.evaluation;

/**
 * One point of a ROC curve: the rates when every case scoring at or above {@code threshold} is called abnormal.
 * The first point of a curve has threshold {@code +Infinity} (nothing called abnormal).
 */
public record RocPoint(double threshold, double falsePositiveRate, double truePositiveRate) {
}
