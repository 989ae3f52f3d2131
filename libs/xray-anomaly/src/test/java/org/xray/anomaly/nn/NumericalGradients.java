package org.xray.anomaly.nn;

import java.util.function.DoubleSupplier;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Reference gradients for gradient tests: central differences of a loss, one parameter at a time (use DOUBLE). */
public final class NumericalGradients {

    private NumericalGradients() {
    }

    /** {@code d loss / d params[index]}, with {@code params} a view of the network's parameters, restored after. */
    public static double centralDifference(INDArray params, long index, DoubleSupplier loss, double step) {
        double original = params.getDouble(index);
        params.putScalar(index, original + step);
        double plus = loss.getAsDouble();
        params.putScalar(index, original - step);
        double minus = loss.getAsDouble();
        params.putScalar(index, original);
        return (plus - minus) / (2 * step);
    }

    /** The whole gradient of {@code loss} with respect to {@code params}. */
    public static INDArray centralDifferences(INDArray params, DoubleSupplier loss, double step) {
        INDArray gradient = Nd4j.zeros(DataType.DOUBLE, params.length());
        for (long j = 0; j < params.length(); j++) {
            gradient.putScalar(j, centralDifference(params, j, loss, step));
        }
        return gradient;
    }

    /** {@code ||actual - expected|| / ||expected||}. */
    public static double relativeError(INDArray actual, INDArray expected) {
        return actual.sub(expected).norm2Number().doubleValue() / expected.norm2Number().doubleValue();
    }
}
