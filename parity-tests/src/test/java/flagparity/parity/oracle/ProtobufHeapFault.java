package flagparity.parity.oracle;

import java.util.regex.Pattern;

/**
 * D7 of results/DIVERGENCES.md: the core's protobuf entry points can free a user's customData while
 * still using it, when the core's incremental GC happens to step inside that window of a call (most
 * often for a user with privateCustomData too; the JSON entry point does not). The damage can surface
 * in that call or in a later one on the same instance, whatever that call's user, as an abort inside
 * AssemblyScript's runtime or a trap. That is a defect of the core, not an answer: the swap test counts
 * it on a protobuf codec instead of failing on it (a wrong answer, any other error, and any error on a
 * JSON codec still fail it), and the D7 test expects it where its recorded sequences meet it.
 */
public final class ProtobufHeapFault {
    /** Aborts raised by the runtime and the standard containers, or a trap (out-of-bounds access). */
    private static final Pattern RUNTIME_FAULT =
            Pattern.compile("~lib/(rt|array|map|set|typedarray|staticarray|string|arraybuffer)[./]|the core trapped");

    private ProtobufHeapFault() {
    }

    /** Whether {@code got}, what a protobuf codec answered, is that fault. */
    public static boolean is(Outcome got) {
        return got.kind() == Outcome.Kind.ERROR && RUNTIME_FAULT.matcher(got.text()).find();
    }
}
