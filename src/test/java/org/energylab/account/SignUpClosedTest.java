package org.energylab.account;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** With {@code energylab.signup.enabled=false} nobody signs up through the API, whatever they send. */
@WebMvcTest(
        controllers = AccountApi.class,
        properties = {
            "energylab.signup.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:signup-closed;DB_CLOSE_DELAY=-1"
        })
@ImportAutoConfiguration({
    DataSourceAutoConfiguration.class,
    FlywayAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class,
    JdbcClientAutoConfiguration.class
})
@EnableConfigurationProperties(AccountSettings.class)
@Import({UserStore.class, AccountService.class, AccountAuthentication.class, Passwords.class})
class SignUpClosedTest {
    @Autowired
    MockMvc mvc;

    @Test
    void signingUpIsAnswered403() throws Exception {
        mvc.perform(post("/api/accounts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"ada\", \"password\": \"a good password\"}"))
                .andExpect(status().isForbidden())
                .andExpect(
                        jsonPath("$.error")
                                .value(
                                        "Signing up is turned off on this server; ask your teacher or the admin for an account"));
        mvc.perform(post("/api/accounts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
    }
}
