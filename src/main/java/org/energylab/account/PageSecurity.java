package org.energylab.account;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.energylab.account.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;

/**
 * Sign-in for the pages, with Vaadin's security configurer: the sign-in form at {@code /login},
 * sign-out through Vaadin, and access to each view by its annotation ({@code @AnonymousAllowed} for
 * the course, the simulations and the account pages, {@code @RolesAllowed("ADMIN")} for the admin's).
 * Vaadin checks every navigation on the server, so addresses themselves are open to everyone: lesson
 * files, icons and error pages need no sign-in. The API has its own chain ({@link ApiSecurity}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
public class PageSecurity {
    static final String LOGIN = "/login";

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http, SignIn signIn) throws Exception {
        // Vaadin's configurer takes the success handler shared under this type: ours keeps the guest's progress.
        var success = new KeepGuestProgress(signIn);
        // Always on to the course overview, which shows where to continue. Back to the page that asked
        // for the sign-in, Vaadin 24.9's saved request doubles a route sent there by its own access
        // check ("admin/usersadmin/users"), and the only such pages are the admin's.
        success.setDefaultTargetUrl("/");
        success.setAlwaysUseDefaultTargetUrl(true);
        http.setSharedObject(VaadinSavedRequestAwareAuthenticationSuccessHandler.class, success);

        var failure = new ExceptionMappingAuthenticationFailureHandler();
        failure.setExceptionMappings(Map.of(LockedException.class.getName(), LOGIN + "?locked"));
        failure.setDefaultFailureUrl(LOGIN + "?error");
        // The sign-in page is named here, before Vaadin's configurer: left unnamed at this point, Spring
        // Security would also install its own generated page at GET /login in front of the view.
        http.formLogin(form -> form.loginPage(LOGIN).failureHandler(failure))
                .headers(AbstractHttpConfigurer::disable)
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                        .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::permitAll));
        return http.build();
    }

    /** After the sign-in form: the session's learner becomes the account, then on to where the person was going. */
    static final class KeepGuestProgress extends VaadinSavedRequestAwareAuthenticationSuccessHandler {
        private final SignIn signIn;

        KeepGuestProgress(SignIn signIn) {
            this.signIn = signIn;
        }

        @Override
        public void onAuthenticationSuccess(
                HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                throws ServletException, IOException {
            if (authentication.getPrincipal() instanceof SignedInUser user) {
                signIn.keepGuestProgress(request.getSession(), user);
            }
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }
}
