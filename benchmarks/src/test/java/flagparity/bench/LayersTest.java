package flagparity.bench;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The layering rules of ARCHITECTURE.md over the main code of every module this one sees: reference,
 * wasm-adapters, openfeature, benchmarks, and graalwasm on JDK 21+ (parity-tests checks its own test
 * code in its {@code LayersTest}).
 */
class LayersTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("flagparity");

    /** The runtime layer of the adapters: the ABI on each Wasm runtime, and the classes Chicory's build compiles the cores to. */
    private static final String[] ABI_LAYER = {"flagparity.wasm.engine", "flagparity.wasm.chicory"};

    /** The floor benchmark measures the reference's own parts (murmur3, the explanation's target), not its API. */
    private static final DescribedPredicate<JavaClass> MEASURES_REFERENCE_PARTS =
            declaredIn("FloorBenchmark");

    /** The top-level classes of these simple names and the classes nested in them. */
    private static DescribedPredicate<JavaClass> declaredIn(String... topLevelNames) {
        Set<String> names = Set.of(topLevelNames);
        return DescribedPredicate.describe("declared in " + names,
                c -> names.contains(c.getName().replaceFirst("\\$.*", "").replaceFirst(".*\\.", "")));
    }

    @Test
    void otherModulesUseOnlyTheReferencesApi() {
        noClasses().that().resideOutsideOfPackage("flagparity.reference..").and(not(MEASURES_REFERENCE_PARTS))
                .should().dependOnClassesThat(resideInAPackage("flagparity.reference..")
                        .and(not(resideInAPackage("flagparity.reference.api"))))
                .because("the reference's public API is flagparity.reference.api (engines come from the registry)")
                .check(MAIN);
    }

    @Test
    void noPackageCycles() {
        slices().matching("flagparity.(**)").should().beFreeOfCycles()
                .check(MAIN);
    }

    @Test
    void picocliStaysInTheCli() {
        noClasses().that().resideInAPackage("flagparity..").and().resideOutsideOfPackage("flagparity.bench.cli")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(MAIN);
    }

    @Test
    void measuringKnowsNothingOfThePage() {
        // run measures and writes a run folder, load is one latency run; report reads a finished folder and
        // renders it, so it may read their formats (Manifest, CoreProfile, LatencySummary), never the reverse
        noClasses().that().resideInAnyPackage("flagparity.bench.run", "flagparity.bench.load")
                .should().dependOnClassesThat().resideInAPackage("flagparity.bench.report")
                .because("a run folder is rendered from what it holds (report --from), not from the run that wrote it")
                .check(MAIN);
    }

    @Test
    void onlyTheAbiLayerTouchesAWasmRuntime() {
        noClasses().that().resideOutsideOfPackages(ABI_LAYER)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.dylibso.chicory..", "io.github.kawamuray.wasmtime..", "org.graalvm..")
                .check(MAIN);
    }

    private static final String CORE_HOOKS = "flagparity.wasm.engine.CoreHooks";

    @Test
    void mainCodeCallsNoTestHook() {
        // the core's test-hook exports, called by name: for the parity tests of the core's parts only
        noClasses().that().doNotHaveFullyQualifiedName("flagparity.wasm.engine.CoreInstance") // hooks() makes them
                .and().doNotHaveFullyQualifiedName(CORE_HOOKS)
                .should().dependOnClassesThat().haveFullyQualifiedName(CORE_HOOKS)
                .check(MAIN);
    }

    @Test
    void commandsAndBenchmarksKnowNoEvaluatorClass() {
        // they reach engines through the registry and abilities through interfaces (Health, Explaining, ...)
        noClasses().that().resideInAnyPackage("flagparity.bench.cli", "flagparity.bench.jmh", "flagparity.bench.load",
                        "flagparity.bench.run", "flagparity.bench.report").and(not(MEASURES_REFERENCE_PARTS))
                .should().dependOnClassesThat(DescribedPredicate.describe("an evaluator class",
                        c -> !c.isInterface() && c.isAssignableTo("flagparity.reference.api.Evaluator")))
                .check(MAIN);
    }
}
