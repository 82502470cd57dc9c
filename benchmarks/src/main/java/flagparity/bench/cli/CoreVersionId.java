package flagparity.bench.cli;

import flagparity.bench.jmh.CoreChoice;
import flagparity.reference.api.CoreVersion;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --core}: a {@link CoreVersion} by its id, or null for {@value CoreChoice#NEWEST} ({@link CoreChoice}). */
final class CoreVersionId implements ITypeConverter<CoreVersion> {
    @Override
    public CoreVersion convert(String value) {
        try {
            return CoreChoice.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
