package flagparity.bench.jmh;

import flagparity.reference.api.EngineDescriptor;

/**
 * JMH runs every combination of {@code -p} values. Codec, concurrency and pool size mean nothing to
 * an engine without codecs (the reference, the SDK peer), and pool size means nothing to {@code mutex}; such
 * combinations would repeat one measurement under several names, so they are refused unless the
 * setting is left at the benchmarks' default (codec {@value #CODEC}, concurrency
 * {@value #CONCURRENCY}, pool size 0). JMH reports the refused combination as failed and goes on
 * with the next one; run those engines in a separate {@code -p} sweep to avoid the noise.
 */
final class Combinations {
    static final String CODEC = flagparity.wasm.Codec.DEFAULT_ID;
    static final String CONCURRENCY = "mutex";

    private Combinations() {}

    static void requireDistinct(String engine, String codec, String concurrency, int poolSize) {
        EngineDescriptor d = EngineParam.descriptor(engine);
        if (d.codecs().isEmpty() && !(CODEC.equals(codec) && CONCURRENCY.equals(concurrency) && poolSize == 0)) {
            throw new IllegalArgumentException("skipped duplicate: " + engine + " has no codec, concurrency or pool;"
                    + " it runs only with codec=" + CODEC + ", concurrency=" + CONCURRENCY + ", poolSize=0"
                    + " (got " + codec + ", " + concurrency + ", " + poolSize + ")");
        }
        if (CONCURRENCY.equals(concurrency) && poolSize != 0) {
            throw new IllegalArgumentException("skipped duplicate: poolSize=" + poolSize
                    + " means nothing to concurrency=mutex; it runs only with poolSize=0");
        }
    }
}
