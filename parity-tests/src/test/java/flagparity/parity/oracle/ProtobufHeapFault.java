package flagparity.parity.oracle;

import flagparity.reference.api.User;
import java.util.regex.Pattern;

/**
 * D7 of results/DIVERGENCES.md: the core's protobuf entry points can break their own heap for a user
 * that has both customData and privateCustomData, depending on where the core's incremental GC
 * happens to step inside the call (the JSON entry point does not). What follows, an abort inside
 * AssemblyScript's runtime or a trap, is a defect of the core, not an answer, so the properties count
 * it instead of comparing it. A wrong answer, or any other error, still fails them.
 */
public final class ProtobufHeapFault {
    /** Aborts raised by the runtime and the standard containers, or a trap (out-of-bounds access). */
    private static final Pattern RUNTIME_FAULT =
            Pattern.compile("~lib/(rt|array|map|set|typedarray|staticarray|string|arraybuffer)[./]|the core trapped");

    private ProtobufHeapFault() {
    }

    /** Whether {@code got}, what a protobuf codec answered for {@code user}, is that fault. */
    public static boolean is(User user, Outcome got) {
        return user.customData() != null && user.privateCustomData() != null
                && got.kind() == Outcome.Kind.ERROR && RUNTIME_FAULT.matcher(got.text()).find();
    }
}
