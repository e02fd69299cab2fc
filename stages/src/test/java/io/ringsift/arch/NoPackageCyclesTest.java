package io.ringsift.arch;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * No two packages under {@code io.ringsift} depend on each other, directly or around a loop: each
 * package is one slice, and a newcomer can read them bottom-up. Main code of this module only (the
 * other module's classes come as a jar in {@code mvn verify}).
 */
@AnalyzeClasses(packages = "io.ringsift",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class NoPackageCyclesTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("io.ringsift.(**)").should().beFreeOfCycles();
}
