package org.energylab.simulation.gibbs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energylab.simulation.Axis;
import org.energylab.simulation.ChartSpec;
import org.energylab.simulation.ChoiceOption;
import org.energylab.simulation.InvalidParameterException;
import org.energylab.simulation.ParameterSchema;
import org.energylab.simulation.ParameterSpec;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.RunContext;
import org.energylab.simulation.RunLoop;
import org.energylab.simulation.Scalar;
import org.energylab.simulation.ScalarSpec;
import org.energylab.simulation.SeriesRecorder;
import org.energylab.simulation.SeriesSpec;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationDescriptor;
import org.energylab.simulation.SimulationResult;
import org.springframework.stereotype.Component;

/**
 * The Gibbs energy of a reaction across a temperature range (lesson 2.1): ΔG°(T) = ΔH° − TΔS° with
 * ΔH° and ΔS° taken as independent of T, the crossover temperature T* = ΔH°/ΔS° where the sign of
 * ΔG° flips, and the equilibrium constant K(T) = exp(−ΔG°/(RT)).
 */
@Component
public class GibbsReactionSimulation implements Simulation {
    /** Temperatures at which ΔG°, K and ln K are evaluated, evenly spaced from tMin to tMax. */
    static final int POINTS = 501;

    private static final int PROGRESS_STEPS = 100;

    private static final Axis TEMPERATURE = new Axis("temperature T", "K");
    private static final Axis GIBBS = new Axis("ΔG°", "kJ/mol");
    private static final Axis CONSTANT = new Axis("equilibrium constant K", "");
    private static final Axis LN_CONSTANT = new Axis("ln K", "");

    private static final List<SeriesSpec> SERIES = List.of(
            new SeriesSpec("deltaG", "ΔG° = ΔH° − TΔS°", TEMPERATURE, GIBBS),
            new SeriesSpec("spontaneous", "spontaneous (ΔG° < 0)", TEMPERATURE, GIBBS).asFilled(),
            new SeriesSpec("equilibriumConstant", "K = exp(−ΔG°/RT)", TEMPERATURE, CONSTANT),
            new SeriesSpec("lnEquilibriumConstant", "ln K = −ΔG°/RT", TEMPERATURE, LN_CONSTANT));

    private final ParameterSchema schema = ParameterSchema.of(
            ParameterSpec.choice(
                    "preset",
                    "Reaction",
                    ReactionPreset.LIMESTONE.id(),
                    ChoiceOption.choices(ReactionPreset.class),
                    "A reaction with tabulated standard values, or custom to set ΔH° and ΔS° yourself"),
            ParameterSpec.number(
                            "deltaH",
                            "ΔH°",
                            "kJ/mol",
                            -500,
                            500,
                            100,
                            "Standard enthalpy change: negative when the reaction releases heat")
                    .activeWhen("preset", ReactionPreset.CUSTOM.id()),
            ParameterSpec.number(
                            "deltaS",
                            "ΔS°",
                            "J/(mol·K)",
                            -1000,
                            1000,
                            100,
                            "Standard entropy change (note the unit: joules, not kilojoules)")
                    .activeWhen("preset", ReactionPreset.CUSTOM.id()),
            ParameterSpec.number("tMin", "Lowest temperature", "K", 1, 5000, 200, "Start of the temperature range"),
            ParameterSpec.number("tMax", "Highest temperature", "K", 1, 5000, 1500, "End of the temperature range"));

    private final SimulationDescriptor descriptor = new SimulationDescriptor(
            "gibbs-reaction",
            "Gibbs energy of a reaction",
            "How ΔG° = ΔH° − TΔS° and the equilibrium constant K of a reaction change with temperature,"
                    + " and where the reaction becomes spontaneous.",
            schema,
            SERIES,
            List.of(
                    new ScalarSpec("crossoverTemperature", "Crossover temperature where ΔG° = 0", "K"),
                    new ScalarSpec("deltaG298", "ΔG° at 298.15 K", "kJ/mol")),
            List.of(
                    ChartSpec.lines("Gibbs energy change", "deltaG", "spontaneous"),
                    ChartSpec.lines("Equilibrium constant", "equilibriumConstant")
                            .withLogY(),
                    ChartSpec.lines("Logarithm of the equilibrium constant", "lnEquilibriumConstant")));

    @Override
    public SimulationDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void checkCombination(Parameters p) {
        if (p.number("tMin") >= p.number("tMax")) {
            throw new InvalidParameterException(
                    "tMax",
                    "The highest temperature (" + ParameterSpec.format(p.number("tMax"))
                            + " K) must be above the lowest temperature (" + ParameterSpec.format(p.number("tMin"))
                            + " K)");
        }
    }

    static Reaction reaction(Parameters p) {
        return p.choice("preset", ReactionPreset.class).reaction(p.number("deltaH"), p.number("deltaS"));
    }

    @Override
    public SimulationResult run(RunContext context) {
        Parameters p = context.parameters();
        Reaction reaction = reaction(p);
        double tMin = p.number("tMin");
        double tMax = p.number("tMax");
        RunLoop loop = RunLoop.over(context, POINTS - 1, PROGRESS_STEPS);

        SeriesRecorder recorder = new SeriesRecorder(SERIES);
        for (int i = 0; i < POINTS; i++) {
            double t = tMin + (tMax - tMin) * i / (POINTS - 1);
            double deltaG = reaction.deltaG(t);
            recorder.add("deltaG", t, deltaG);
            recorder.add("spontaneous", t, deltaG < 0 ? deltaG : Double.NaN);
            recorder.add("equilibriumConstant", t, reaction.equilibriumConstant(t));
            recorder.add("lnEquilibriumConstant", t, reaction.lnEquilibriumConstant(t));
            loop.after(i, recorder);
        }

        Map<String, Scalar> scalars = new LinkedHashMap<>();
        scalars.put("crossoverTemperature", crossover(reaction, tMin, tMax));
        scalars.put("deltaG298", deltaG298(reaction));
        return new SimulationResult(scalars, recorder.series(), Map.of());
    }

    private static final String CROSSOVER = "Crossover temperature T* = ΔH°/ΔS°";

    static Scalar crossover(Reaction reaction, double tMin, double tMax) {
        double t = reaction.crossoverTemperature();
        if (Double.isNaN(t)) {
            return Scalar.unavailable(CROSSOVER, "K", noCrossover(reaction));
        }
        String side = reaction.spontaneousAboveCrossover()
                ? "Spontaneous above T* (ΔG° < 0 for T > T*): with ΔH° > 0 and ΔS° > 0 the entropy term −TΔS°"
                        + " wins at high temperature."
                : "Spontaneous below T* (ΔG° < 0 for T < T*): with ΔH° < 0 and ΔS° < 0 the enthalpy term"
                        + " ΔH° wins at low temperature.";
        String range = "";
        if (t < tMin || t > tMax) {
            range = " T* lies " + (t < tMin ? "below" : "above") + " the chosen range " + ParameterSpec.format(tMin)
                    + "–" + ParameterSpec.format(tMax) + " K, so the charts do not show the sign change.";
        }
        return new Scalar(CROSSOVER, t, "K", side + range);
    }

    /** Why ΔG° keeps one sign at every temperature, and which sign. */
    private static String noCrossover(Reaction reaction) {
        double h = reaction.enthalpy();
        double s = reaction.entropy();
        if (h == 0 && s == 0) {
            return "No crossover: with ΔH° = 0 and ΔS° = 0, ΔG° = 0 and the reaction is at equilibrium (K = 1)"
                    + " at every temperature.";
        }
        if (s == 0) {
            return oneSign(h < 0, "with ΔS° = 0, ΔG° = ΔH° at every temperature");
        }
        if (h == 0) {
            return oneSign(s > 0, "with ΔH° = 0, ΔG° = −TΔS° has the sign of −ΔS° at every temperature above 0 K");
        }
        if (h < 0 && s > 0) {
            return oneSign(true, "ΔH° < 0 and ΔS° > 0 both favour the reaction, so ΔG° = ΔH° − TΔS° < 0");
        }
        if (h > 0 && s < 0) {
            return oneSign(false, "ΔH° > 0 and ΔS° < 0 both oppose the reaction, so ΔG° = ΔH° − TΔS° > 0");
        }
        return "No crossover: ΔS° is so close to zero that T* = ΔH°/ΔS° is not a finite number; ΔG° has the"
                + " sign of ΔH° at every temperature you can choose.";
    }

    private static String oneSign(boolean spontaneous, String why) {
        return spontaneous
                ? "No crossover: " + why + ", and the reaction is spontaneous at every temperature."
                : "No crossover: " + why + ", and the reaction is never spontaneous, at any temperature"
                        + " (its reverse always is).";
    }

    static Scalar deltaG298(Reaction reaction) {
        double g = reaction.deltaG(Reaction.STANDARD_TEMPERATURE);
        String note = g < 0
                ? "Negative: spontaneous under standard conditions at 298.15 K."
                : g > 0
                        ? "Positive: not spontaneous under standard conditions at 298.15 K (the reverse reaction is)."
                        : "Zero: at equilibrium under standard conditions at 298.15 K.";
        return new Scalar("ΔG° at 298.15 K", g, "kJ/mol", note);
    }
}
