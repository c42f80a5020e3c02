package org.energylab.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energylab.simulation.Choice;
import org.energylab.simulation.Cost;
import org.energylab.simulation.InvalidParameterException;
import org.energylab.simulation.OverBudgetException;
import org.energylab.simulation.ParameterSpec;
import org.energylab.simulation.ParameterType;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.Simulation;

/**
 * The largest configurations a simulation's cost model accepts, found greedily: parameter by
 * parameter, the costlier choice or end of the range when it is accepted, else (when the budget
 * refuses it) the costliest value between the current one and that end that still passes. Values
 * that do not change the estimate keep their defaults. Going through the parameters in the
 * schema's order and in the reverse order gives different maxima (a long single pendulum, or a
 * large ensemble over a shorter time); both are kept when they differ.
 */
final class MaximumParameters {
    private MaximumParameters() {}

    static List<Map<String, Object>> of(Simulation simulation) {
        List<ParameterSpec> order = new ArrayList<>(simulation.schema().parameters());
        Map<String, Object> forward = greedy(simulation, order);
        Collections.reverse(order);
        Map<String, Object> backward = greedy(simulation, order);
        return forward.equals(backward) ? List.of(forward) : List.of(forward, backward);
    }

    private static Map<String, Object> greedy(Simulation simulation, List<ParameterSpec> order) {
        Map<String, Object> chosen =
                new LinkedHashMap<>(simulation.schema().defaults().asMap());
        for (ParameterSpec spec : order) {
            if (spec.type() == ParameterType.CHOICE) {
                chooseCostliest(simulation, chosen, spec);
            } else {
                pushToCostlierEnd(simulation, chosen, spec);
            }
        }
        return chosen;
    }

    private static void chooseCostliest(Simulation simulation, Map<String, Object> chosen, ParameterSpec spec) {
        Cost best = estimate(simulation, chosen);
        for (Choice choice : spec.choices()) {
            Map<String, Object> trial = with(chosen, spec.name(), choice.value());
            Cost cost = estimate(simulation, trial);
            if (costlier(cost, best) && accepted(simulation, trial) == Verdict.ACCEPTED) {
                chosen.put(spec.name(), choice.value());
                best = cost;
            }
        }
    }

    private static void pushToCostlierEnd(Simulation simulation, Map<String, Object> chosen, ParameterSpec spec) {
        Cost current = estimate(simulation, chosen);
        Cost atMin = estimate(simulation, with(chosen, spec.name(), value(spec, spec.min())));
        Cost atMax = estimate(simulation, with(chosen, spec.name(), value(spec, spec.max())));
        double end;
        if (costlier(atMax, current) && !costlier(atMin, atMax)) {
            end = spec.max();
        } else if (costlier(atMin, current)) {
            end = spec.min();
        } else {
            return;
        }
        Verdict verdict = accepted(simulation, with(chosen, spec.name(), value(spec, end)));
        if (verdict == Verdict.ACCEPTED) {
            chosen.put(spec.name(), value(spec, end));
        } else if (verdict == Verdict.OVER_BUDGET) {
            chosen.put(spec.name(), value(spec, bisect(simulation, chosen, spec, end)));
        }
    }

    /** The value closest to {@code end} that the budget accepts, between the current value (accepted) and end. */
    private static double bisect(Simulation simulation, Map<String, Object> chosen, ParameterSpec spec, double end) {
        double good = ((Number) chosen.get(spec.name())).doubleValue();
        double bad = end;
        boolean geometric = spec.logScale() && good > 0 && bad > 0;
        for (int i = 0; i < 60; i++) {
            double middle = geometric ? Math.sqrt(good * bad) : (good + bad) / 2;
            if (spec.type() == ParameterType.INTEGER) {
                middle = Math.round(middle);
                if (middle == good || middle == bad) {
                    break;
                }
            }
            if (accepted(simulation, with(chosen, spec.name(), value(spec, middle))) == Verdict.ACCEPTED) {
                good = middle;
            } else {
                bad = middle;
            }
        }
        return good;
    }

    private enum Verdict {
        ACCEPTED,
        OVER_BUDGET,
        INVALID
    }

    private static Verdict accepted(Simulation simulation, Map<String, Object> values) {
        try {
            simulation.checkCombination(simulation.schema().validate(values));
            return Verdict.ACCEPTED;
        } catch (OverBudgetException e) {
            return Verdict.OVER_BUDGET;
        } catch (InvalidParameterException e) {
            return Verdict.INVALID;
        }
    }

    private static Cost estimate(Simulation simulation, Map<String, Object> values) {
        Parameters parameters = simulation.schema().validate(values);
        return simulation.costModel().estimate(parameters);
    }

    private static boolean costlier(Cost a, Cost b) {
        return a.seconds() > b.seconds() * 1.0001 || (a.seconds() >= b.seconds() && a.bytes() > b.bytes());
    }

    private static Object value(ParameterSpec spec, double value) {
        return spec.type() == ParameterType.INTEGER ? (Object) (int) Math.round(value) : (Object) value;
    }

    private static Map<String, Object> with(Map<String, Object> values, String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return copy;
    }
}
