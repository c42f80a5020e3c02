package org.energylab.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** How passwords are hashed. */
@Configuration(proxyBeanMethods = false)
public class Passwords {

    /**
     * bcrypt by default, through Spring's delegating encoder: every hash carries its algorithm's
     * prefix ({@code {bcrypt}...}), so a stronger default later still reads the hashes stored now.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
