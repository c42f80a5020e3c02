package org.energylab.simulation;

import java.util.List;

/**
 * What a simulation is, as a learner and the API see it before any run: its id, title and summary,
 * its parameters, the series, scalars and charts a run produces, and whether a seed changes it.
 *
 * @param id stable id used in URLs, lesson blocks and the API, e.g. {@code pendulum}
 * @param summary one sentence saying what the simulation shows
 * @param series every series a run can produce, in order; a run may leave some out
 * @param scalars every scalar a run can report, in order; exercises may grade only these
 * @param charts the charts the panel draws, in order
 * @param usesSeed whether the seed changes the result, so the form should offer it
 */
public record SimulationDescriptor(
        String id,
        String title,
        String summary,
        ParameterSchema schema,
        List<SeriesSpec> series,
        List<ScalarSpec> scalars,
        List<ChartSpec> charts,
        boolean usesSeed) {

    public SimulationDescriptor(
            String id,
            String title,
            String summary,
            ParameterSchema schema,
            List<SeriesSpec> series,
            List<ScalarSpec> scalars,
            List<ChartSpec> charts) {
        this(id, title, summary, schema, series, scalars, charts, false);
    }

    public SimulationDescriptor {
        series = List.copyOf(series);
        scalars = List.copyOf(scalars);
        charts = List.copyOf(charts);
    }

    /** The same simulation, whose result depends on the seed. */
    public SimulationDescriptor withSeed() {
        return new SimulationDescriptor(id, title, summary, schema, series, scalars, charts, true);
    }
}
