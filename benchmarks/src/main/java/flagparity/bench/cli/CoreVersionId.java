package flagparity.bench.cli;

import flagparity.reference.api.CoreVersion;
import java.util.ArrayList;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --core}: a {@link CoreVersion} by its id, as every command takes it (default: the newest). */
final class CoreVersionId implements ITypeConverter<CoreVersion> {
    /** The option's description, shared by every command that takes it. */
    static final String DESCRIPTION = "DevCycle core version to answer as: ${COMPLETION-CANDIDATES} (default: the newest, ${DEFAULT-VALUE}).";

    @Override
    public CoreVersion convert(String value) {
        try {
            return CoreVersion.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** The version ids, for help texts. */
    static final class Ids extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Ids() {
            for (CoreVersion v : CoreVersion.values()) {
                add(v.id());
            }
        }
    }
}
