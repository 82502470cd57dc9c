package flagparity.bench.cli;

import flagparity.bench.jmh.CoreChoice;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --core}: a core build by its id ({@code 1.32.0}, {@code 1.32.0-d7fix}), or {@value CoreChoice#NEWEST} ({@link CoreChoice}). */
final class CoreId implements ITypeConverter<CoreChoice> {
    @Override
    public CoreChoice convert(String value) {
        try {
            return CoreChoice.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
