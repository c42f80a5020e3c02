package org.energylab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.energylab.chart.ChartAxis;
import org.energylab.chart.ChartConfiguration;
import org.energylab.chart.ChartDataset;
import org.energylab.chart.ChartSerializer;

/**
 * The layering the project relies on: simulations, exercises, lessons and chart models are plain
 * Java that tests, the API and benchmarks use without Vaadin; only {@code ..ui..} packages (and the
 * shell) touch the UI framework.
 */
@AnalyzeClasses(packages = "org.energylab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule simulationsDoNotUseVaadin = noClasses()
            .that()
            .resideInAPackage("org.energylab.simulation..")
            .and()
            .resideOutsideOfPackage("..ui..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.vaadin..")
            .because("simulations run in the API, in tests and in benchmarks without a UI");

    @ArchTest
    static final ArchRule simulationsDoNotUseUiPackages = noClasses()
            .that()
            .resideInAPackage("org.energylab.simulation..")
            .and()
            .resideOutsideOfPackage("..ui..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..ui..")
            .because("the UI depends on simulations, never the other way round");

    @ArchTest
    static final ArchRule exercisesDoNotUseVaadin = noClasses()
            .that()
            .resideInAPackage("org.energylab.exercise..")
            .and()
            .resideOutsideOfPackage("..ui..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.vaadin..")
            .because("exercises are parsed and graded without a UI");

    @ArchTest
    static final ArchRule lessonsDoNotUseVaadin = noClasses()
            .that()
            .resideInAPackage("org.energylab.lesson..")
            .and()
            .resideOutsideOfPackage("..ui..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.vaadin..")
            .because("the course is loaded and checked without a UI");

    @ArchTest
    static final ArchRule chartModelDoesNotUseVaadin = noClasses()
            .that()
            .belongToAnyOf(ChartConfiguration.class, ChartDataset.class, ChartAxis.class, ChartSerializer.class)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.vaadin..")
            .because("only the Chart component is Vaadin; the chart model and its JSON are plain Java");

    @ArchTest
    static final ArchRule noCyclesBetweenTopLevelPackages =
            slices().matching("org.energylab.(*)..").should().beFreeOfCycles();
}
