package org.xray.anomaly.nn;

/**
 * The JVM settings ND4J and DL4J need here (DESIGN.md section 7), for programs that start the JVM themselves (the
 * services' mains); tests and benchmarks pass them as {@code -D} flags. Call before any ND4J class loads.
 */
public final class NativeSettings {

    /** Only ND4J's oneDNN (AVX2) natives are on the classpath: without this JavaCPP looks for the plain build. */
    static final String PLATFORM_EXTENSION = "org.bytedeco.javacpp.platform.extension";
    /** DL4J M2.1 creates no oneDNN layer helper unless told to; with them a forward pass is about 4x faster. */
    static final String HELPERS_DISABLE = "org.eclipse.deeplearning4j.helpers.disable";

    private NativeSettings() {
    }

    /** Sets each property the command line did not set. */
    public static void applyDefaults() {
        setIfAbsent(PLATFORM_EXTENSION, "-onednn-avx2");
        setIfAbsent(HELPERS_DISABLE, "false");
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
