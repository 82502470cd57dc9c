package flagparity.bench.cli;

/** A config that cannot be read or that the engine rejects: the tool exits with status 2. */
final class UnusableConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnusableConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
