package flagparity.wasm;

import flagparity.reference.api.EvaluationException;

/** The core called {@code abort}: its message and source position. The instance that aborted is unusable. */
public class CoreAbortException extends EvaluationException {
    private static final long serialVersionUID = 1L;

    private final String coreMessage;
    private final String file;
    private final int line;
    private final int column;

    public CoreAbortException(String coreMessage, String file, int line, int column) {
        super("core aborted: " + coreMessage + " (" + file + ":" + line + ":" + column + ")");
        this.coreMessage = coreMessage;
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** The core's message, or {@code null} when it gave none. */
    public String coreMessage() { return coreMessage; }
    /** The AssemblyScript source file, or {@code null}. */
    public String file() { return file; }
    public int line() { return line; }
    public int column() { return column; }
}
