package flagparity.openfeature.source;

/**
 * Where DevCycle server configs come from: a CDN polled over HTTP ({@link CdnConfigSource}), a watched
 * file ({@link FileConfigSource}) or a fixed text ({@link StaticConfigSource}). A source only fetches
 * and reports; the {@link Sink} it is started with decides whether a config goes into service.
 */
public interface ConfigSource extends AutoCloseable {

    /** Starts fetching on the source's own thread (if any) and reports to {@code sink}; called once. */
    void start(Sink sink);

    /** Stops fetching; no report reaches the sink afterwards (one already running may finish). */
    @Override
    void close();

    /** Where the configs come from, for messages. */
    String describe();

    /** Receives what a source fetched. Calls come from one thread at a time. */
    interface Sink {
        /**
         * A config text to put into service.
         *
         * @return whether it is in service now; {@code false} when it was rejected and the previous
         *     config stays in service (the sink has reported why)
         */
        boolean offer(String configJson);

        /** The source was reached and the config in service is still current. */
        void unchanged();

        /** A fetch failed; the source will retry (after a backoff). */
        void failed(String reason);

        /** The source gave up for good (for example, the CDN refused the SDK key). */
        void fatal(String reason);
    }
}
