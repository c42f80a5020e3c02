package org.energylab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.energylab.simulation.SimulationRegistry;
import org.energylab.simulation.SimulationRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * An API run stops when its client goes away: over a real socket to the embedded Tomcat, a client
 * sends a run request and closes the connection while the run computes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = ClientDisconnectTest.Api.class)
class ClientDisconnectTest {

    /** Only the web server, Spring MVC and the API: no Vaadin. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({
        ServletWebServerFactoryAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class,
        JacksonAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class
    })
    @Import({
        SimulationApi.class,
        ApiErrorHandler.class,
        SimulationRegistry.class,
        SimulationRunner.class,
        ClientWatch.class
    })
    static class Api {
        @Bean
        GatedSimulation gated() {
            return new GatedSimulation();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    GatedSimulation simulation;

    @BeforeEach
    void newGate() {
        simulation.reset();
    }

    @AfterEach
    void openTheGate() {
        simulation.gate.countDown();
    }

    /** Sends a run request (parameter n, so each test's run is its own) over the socket. */
    private static void postRun(Socket socket, int n) throws IOException {
        String body = "{\"parameters\": {\"n\": " + n + "}}";
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/simulations/gated/runs HTTP/1.1\r\n"
                        + "Host: localhost\r\n"
                        + "Content-Type: application/json\r\n"
                        + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                        + "\r\n"
                        + body)
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Test
    void aClientThatWaitsGetsItsAnswer() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(GatedSimulation.WAIT_SECONDS));
            postRun(socket, 2);
            assertThat(simulation.started.await(GatedSimulation.WAIT_SECONDS, TimeUnit.SECONDS))
                    .as("the run started")
                    .isTrue();
            // Long enough for the watch to look at the open, idle connection several times.
            Thread.sleep(4 * ClientWatch.POLL_MILLIS);
            simulation.gate.countDown();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 ");
        }
        assertThat(simulation.stopped.getCount()).as("the run was not stopped").isEqualTo(1);
    }

    @Test
    void aRunIsCancelledWhenItsClientDisconnects() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            postRun(socket, 1);
            assertThat(simulation.started.await(GatedSimulation.WAIT_SECONDS, TimeUnit.SECONDS))
                    .as("the run started")
                    .isTrue();
        }
        // The socket is closed; the run, which would compute until its gate opens, must stop.
        assertThat(simulation.stopped.await(GatedSimulation.WAIT_SECONDS, TimeUnit.SECONDS))
                .as("the run was stopped after its client disconnected")
                .isTrue();
    }
}
