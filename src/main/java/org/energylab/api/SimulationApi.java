package org.energylab.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.energylab.simulation.ParameterSpec;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.ProgressSink;
import org.energylab.simulation.RunHandle;
import org.energylab.simulation.ScalarSpec;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationRegistry;
import org.energylab.simulation.SimulationResult;
import org.energylab.simulation.SimulationRunner;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * The JSON API over simulations. Runs go through the same executor and limits as the browser. Series
 * come back at full resolution up to each simulation's point cap (20 000 points for the pendulum).
 */
@RestController
@RequestMapping("/api/simulations")
class SimulationApi {
    private final SimulationRegistry registry;
    private final SimulationRunner runner;
    private final ClientAddress clients;
    private final ClientWatch clientWatch;

    SimulationApi(SimulationRegistry registry, SimulationRunner runner, ClientWatch clientWatch) {
        this.registry = registry;
        this.runner = runner;
        this.clientWatch = clientWatch;
        this.clients = new ClientAddress(runner.limits().trustedProxies());
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record SimulationInfo(
            String id, String title, String summary, List<ParameterInfo> parameters, List<ScalarSpec> scalars) {}

    /**
     * @param activeWhen when present, the parameter only counts while the named choice has that value
     *     ({@code {"planet": "custom"}}); a run request that sets it otherwise is refused
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ParameterInfo(
            String name,
            String label,
            String type,
            Double min,
            Double max,
            Object defaultValue,
            String unit,
            List<String> choices,
            String description,
            Map<String, String> activeWhen) {}

    /** A curve; a point the run could not compute (NaN, infinite) is {@code null}: a gap. */
    record SeriesBody(
            @JsonSerialize(using = GapsAsNull.class) double[] x,
            @JsonSerialize(using = GapsAsNull.class) double[] y,
            String label,
            String xLabel,
            String yLabel) {}

    /** A grid; {@code frames} (the field over the run, each with its step) is left out when the grid has none. */
    record GridBody(
            @JsonSerialize(using = GapsAsNull.class) double[] x,
            @JsonSerialize(using = GapsAsNull.class) double[] y,
            @JsonSerialize(contentUsing = GapsAsNull.class) double[][] values,
            String label,
            String xLabel,
            String yLabel,
            String valueLabel,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FrameBody> frames) {}

    record FrameBody(
            long step,
            @JsonSerialize(contentUsing = GapsAsNull.class) double[][] values) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record ScalarBody(Double value, String unit, String label, String note) {}

    record RunResponse(
            String simulation,
            Map<String, Object> parameters,
            long seed,
            Map<String, ScalarBody> scalars,
            Map<String, SeriesBody> series,
            Map<String, GridBody> grids) {}

    @GetMapping
    List<SimulationInfo> list() {
        return registry.all().stream().map(SimulationApi::info).toList();
    }

    @GetMapping("/{id}")
    SimulationInfo get(@PathVariable String id) {
        return info(find(id));
    }

    /**
     * Runs a simulation and answers with its result. The request is asynchronous, so no server
     * thread waits for the run, and the run is cancelled when the client goes away (see {@link
     * ClientWatch}), or when the answer is overdue.
     */
    @PostMapping(path = "/{id}/runs", consumes = MediaType.APPLICATION_JSON_VALUE)
    DeferredResult<RunResponse> run(
            @PathVariable String id, @RequestBody(required = false) byte[] body, HttpServletRequest http) {
        Simulation simulation = find(id);
        RunRequestReader.RunRequest request = RunRequestReader.read(body, simulation.schema());
        Map<String, Object> raw = request.parameters();
        long seed = request.seed();
        Parameters parameters = SimulationRegistry.validate(simulation, raw);
        simulation.schema().refuseInactive(raw, parameters);
        RunHandle handle = runner.submit(simulation, parameters, seed, clients.learner(http), ProgressSink.NONE);
        // The run stops itself at the time limit; the extra margin covers the queue.
        long timeoutMillis = (runner.limits().timeLimit().toSeconds() * 2 + 5) * 1000;
        DeferredResult<RunResponse> response = new DeferredResult<>(timeoutMillis);
        ClientWatch.Watch watch = clientWatch.watch(http, handle::cancel);
        // Stop the watch before the request is completed, so it never reads while Tomcat writes.
        response.onTimeout(() -> {
            watch.stop();
            response.setErrorResult(new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE, "The server is busy, try again in a moment.", null));
            handle.cancel();
        });
        response.onError(error -> {
            watch.stop();
            handle.cancel();
        });
        handle.result().whenComplete((result, error) -> {
            watch.stop();
            if (error == null) {
                response.setResult(new RunResponse(
                        simulation.id(), parameters.asMap(), seed, scalars(result), series(result), grids(result)));
            } else {
                Throwable cause =
                        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                response.setErrorResult(cause instanceof Exception ? cause : new IllegalStateException(cause));
            }
        });
        return response;
    }

    private Simulation find(String id) {
        return registry.find(id)
                .orElseThrow(
                        () -> new ApiException(HttpStatus.NOT_FOUND, "No simulation with id \"" + id + "\"", null));
    }

    private static SimulationInfo info(Simulation s) {
        return new SimulationInfo(
                s.id(),
                s.title(),
                s.summary(),
                s.schema().parameters().stream().map(SimulationApi::parameter).toList(),
                s.scalars());
    }

    private static ParameterInfo parameter(ParameterSpec p) {
        boolean numeric = p.type() != org.energylab.simulation.ParameterType.CHOICE;
        return new ParameterInfo(
                p.name(),
                p.label(),
                p.type().name().toLowerCase(),
                numeric ? p.min() : null,
                numeric ? p.max() : null,
                p.defaultValue(),
                p.unit().isEmpty() ? null : p.unit(),
                numeric ? null : p.choices().stream().map(c -> c.value()).toList(),
                p.description().isEmpty() ? null : p.description(),
                p.activeWhen() == null
                        ? null
                        : Map.of(p.activeWhen().parameter(), p.activeWhen().value()));
    }

    private static Map<String, ScalarBody> scalars(SimulationResult result) {
        Map<String, ScalarBody> out = new LinkedHashMap<>();
        result.scalars().forEach((name, s) -> out.put(name, new ScalarBody(s.value(), s.unit(), s.label(), s.note())));
        return out;
    }

    private static Map<String, SeriesBody> series(SimulationResult result) {
        Map<String, SeriesBody> out = new LinkedHashMap<>();
        result.series()
                .forEach((name, s) ->
                        out.put(name, new SeriesBody(s.xs(), s.ys(), s.label(), s.x().title(), s.y().title())));
        return out;
    }

    private static Map<String, GridBody> grids(SimulationResult result) {
        Map<String, GridBody> out = new LinkedHashMap<>();
        result.grids()
                .forEach((name, g) -> out.put(
                        name,
                        new GridBody(
                                g.xs(),
                                g.ys(),
                                g.values(),
                                g.label(),
                                g.x().title(),
                                g.y().title(),
                                g.value().title(),
                                g.frames().stream()
                                        .map(f -> new FrameBody(f.step(), f.values()))
                                        .toList())));
        return out;
    }
}
