package flagparity.bench.jmh;

import flagparity.workloads.Workloads;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What a lookup question runs on: a config, a user and a key that user is served. Shared by the
 * benchmarks that take the user as given ({@link UserSizeBenchmark} generates its users instead).
 */
@State(Scope.Benchmark)
public class Workload {
    /** A built-in workload name or a config file path ({@link Workloads#config}). */
    @Param({"large"})
    public String config;

    /** User JSON, or a path to a user JSON file ({@link Lookup#parseUser}). */
    @Param({Workloads.DEFAULT_USER_JSON})
    public String user;

    @Param({Workloads.DEFAULT_KEY})
    public String key;
}
