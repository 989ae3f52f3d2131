package org.nd4j.nativeblas;

/**
 * Works around a DL4J 1.0.0-M2.1 bug (DESIGN.md section 7): {@code BaseMKLDNNHelper.mklDnnEnabled()} looks up
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.isUseMKLDNN()} by reflection, a class that moved to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} (method {@code isUseONEDNN()}). Without this
 * class at the old name DL4J never creates its oneDNN convolution helpers and convolutions run 3-4x slower.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    /** The old name, delegating to the new one. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
