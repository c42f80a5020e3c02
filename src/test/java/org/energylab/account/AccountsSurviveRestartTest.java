package org.energylab.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * With the application's own configuration (the H2 file in the data folder, Flyway, the first-admin
 * settings): the first admin is made once, from configuration or with a generated password shown
 * once in the log, and accounts are there after a restart.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccountsSurviveRestartTest {
    private static final Pattern GENERATED = Pattern.compile("one-time password (\\S+) ");

    /** The account part of the application: storage, the account service, signing in, the first admin. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({
        DataSourceAutoConfiguration.class,
        FlywayAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class,
        JdbcClientAutoConfiguration.class
    })
    @EnableConfigurationProperties(AccountSettings.class)
    @Import({UserStore.class, AccountService.class, AccountAuthentication.class, FirstAdmin.class, Passwords.class})
    static class Accounts {}

    @TempDir
    Path dataFolder;

    private ConfigurableApplicationContext start(String... settings) {
        String[] args = Stream.concat(Stream.of("--energylab.data.dir=" + dataFolder), Stream.of(settings))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(Accounts.class)
                .web(WebApplicationType.NONE)
                .run(args);
    }

    private static boolean signsIn(ConfigurableApplicationContext context, String username, String password) {
        return context.getBean(AccountAuthentication.class)
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password))
                .isAuthenticated();
    }

    @Test
    void theFirstStartMakesAnAdminWhosePasswordIsShownOnceAndAccountsSurviveARestart(CapturedOutput output) {
        String password;
        try (ConfigurableApplicationContext first = start()) {
            Matcher shown = GENERATED.matcher(output.getOut());
            assertThat(shown.find()).as("the generated password in the log").isTrue();
            password = shown.group(1);
            assertThat(password).hasSize(20);
            assertThat(signsIn(first, "admin", password)).isTrue();
            first.getBean(AccountService.class).signUp("ada", "ada's own password");
        }
        int logged = output.getOut().length();

        try (ConfigurableApplicationContext second = start()) {
            assertThat(output.getOut().substring(logged)).doesNotContain("one-time password");
            assertThat(signsIn(second, "admin", password)).isTrue();
            assertThat(signsIn(second, "ada", "ada's own password")).isTrue();
            assertThat(second.getBean(UserStore.class).list())
                    .extracting(UserAccount::username, UserAccount::role)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("admin", Role.ADMIN),
                            org.assertj.core.groups.Tuple.tuple("ada", Role.STUDENT));
        }
        assertThat(output.getOut()).doesNotContain("ada's own password");
    }

    @Test
    void theFirstAdminFromConfigurationIsMadeOnceAndNoPasswordIsGenerated(CapturedOutput output) {
        String[] settings = {"--energylab.admin.username=Head", "--energylab.admin.password=head password 1"};
        try (ConfigurableApplicationContext first = start(settings)) {
            assertThat(signsIn(first, "head", "head password 1")).isTrue();
        }
        try (ConfigurableApplicationContext second = start(settings)) {
            assertThat(second.getBean(UserStore.class).list())
                    .extracting(UserAccount::username, UserAccount::role)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("head", Role.ADMIN));
        }
        assertThat(output.getOut()).doesNotContain("one-time password").doesNotContain("head password 1");
    }

    /** The first of the failure's causes that says why: the one the application threw. */
    private static Throwable failureOf(org.assertj.core.api.ThrowableAssert.ThrowingCallable start) {
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(start);
        assertThat(failure).isNotNull();
        while (!(failure instanceof IllegalStateException
                        && failure.getMessage().contains("ENERGYLAB_ADMIN"))
                && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    @Test
    void anAdminSettingThatCannotBeUsedStopsTheStartSayingWhy() {
        assertThat(failureOf(() -> start("--energylab.admin.username=head").close()))
                .hasMessage("Set both ENERGYLAB_ADMIN_USERNAME and ENERGYLAB_ADMIN_PASSWORD, or neither");
        assertThat(failureOf(() -> start("--energylab.admin.username=head", "--energylab.admin.password=short")
                        .close()))
                .hasMessage("ENERGYLAB_ADMIN_PASSWORD: A password needs at least 8 characters");
    }
}
