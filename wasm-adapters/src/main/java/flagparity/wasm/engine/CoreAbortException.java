package flagparity.wasm.engine;

import flagparity.reference.api.EvaluationException;

/** The core called {@code abort}: its message and source position. The instance that aborted is unusable. */
public class CoreAbortException extends EvaluationException {
    private static final long serialVersionUID = 1L;

    private final String coreMessage;
    private final String file;
    private final int line;
    private final int column;
    private final boolean stackOverflow;

    public CoreAbortException(String coreMessage, String file, int line, int column) {
        this(describe(coreMessage, file, line, column), coreMessage, file, line, column, false);
    }

    private CoreAbortException(String message, String coreMessage, String file, int line, int column,
            boolean stackOverflow) {
        super(message);
        this.coreMessage = coreMessage;
        this.file = file;
        this.line = line;
        this.column = column;
        this.stackOverflow = stackOverflow;
    }

    /** The core's shadow-stack check, which aborts at 1:1 and whose message and file cannot be read. */
    public static CoreAbortException forStackOverflow() {
        return new CoreAbortException("the core aborted without a message at 1:1 (no file): its stack overflowed"
                + " (input nested too deeply?)", null, null, 1, 1, true);
    }

    private static String describe(String coreMessage, String file, int line, int column) {
        String where = file + ":" + line + ":" + column;
        return coreMessage == null || coreMessage.isBlank()
                ? "the core aborted without a message at " + where
                : "core aborted: " + coreMessage + " (" + where + ")";
    }

    /** The core's message, or {@code null} when it gave none (or none that can be read: {@link #stackOverflow()}). */
    public String coreMessage() { return coreMessage; }
    /** The AssemblyScript source file, or {@code null}. */
    public String file() { return file; }
    public int line() { return line; }
    public int column() { return column; }
    /** Whether this is the core's stack check: the input was nested too deeply for its shadow stack. */
    public boolean stackOverflow() { return stackOverflow; }
}
