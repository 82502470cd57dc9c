package flagparity.parity;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** ARCHITECTURE.md's rule for this module's own (test) code: its packages form no cycle. */
class LayersTest {
    private static final JavaClasses PARITY = new ClassFileImporter().importPackages("flagparity.parity");

    @Test
    void noPackageCycles() {
        slices().matching("flagparity.(**)").should().beFreeOfCycles().check(PARITY);
    }
}
