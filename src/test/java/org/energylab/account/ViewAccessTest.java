package org.energylab.account;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

/**
 * Every page says who may open it. Vaadin refuses a view without such an annotation to everyone, so
 * a new page that forgets it would be unreachable rather than open by accident; this test names it.
 */
@AnalyzeClasses(packages = "org.energylab", importOptions = ImportOption.DoNotIncludeTests.class)
class ViewAccessTest {

    @ArchTest
    static final ArchRule everyPageAndLayoutDeclaresWhoMayOpenIt = classes()
            .that()
            .areAnnotatedWith(Route.class)
            .or()
            .areAnnotatedWith(Layout.class)
            .should()
            .beAnnotatedWith(AnonymousAllowed.class)
            .orShould()
            .beAnnotatedWith(PermitAll.class)
            .orShould()
            .beAnnotatedWith(RolesAllowed.class)
            .orShould()
            .beAnnotatedWith(DenyAll.class)
            .because("Vaadin shows a view only to those its annotation allows: @AnonymousAllowed for everyone,"
                    + " @PermitAll for anyone signed in, @RolesAllowed for some roles");
}
