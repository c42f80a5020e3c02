package org.energylab.simulation.boltzmann;

import java.util.List;
import org.energylab.simulation.InvalidParameterException;
import org.energylab.simulation.ParameterSpec;
import org.energylab.simulation.Parameters;

/** The finite interval [min, max] on which a distribution lives; finiteness is what makes Z exist. */
record Domain(double min, double max) {
    static final double LIMIT = 100;

    Domain {
        if (!(min < max)) {
            throw new IllegalArgumentException("the domain needs min < max, not [" + min + ", " + max + "]");
        }
    }

    double length() {
        return max - min;
    }

    /** {@code points} evenly spaced points from min to max, both included. */
    double[] grid(int points) {
        double[] ys = new double[points];
        double h = length() / (points - 1);
        for (int i = 0; i < points; i++) {
            ys[i] = min + i * h;
        }
        ys[points - 1] = max;
        return ys;
    }

    static List<ParameterSpec> parameters(double defaultMin, double defaultMax) {
        return List.of(
                ParameterSpec.number("yMin", "Domain from y", "", -LIMIT, LIMIT, defaultMin, "Left end of the domain"),
                ParameterSpec.number("yMax", "Domain to y", "", -LIMIT, LIMIT, defaultMax, "Right end of the domain"));
    }

    /** The domain of validated parameters, or an error on the yMax field when it is empty. */
    static Domain from(Parameters p) {
        double min = p.number("yMin");
        double max = p.number("yMax");
        if (!(max > min)) {
            throw new InvalidParameterException(
                    "yMax",
                    "The domain must have yMax greater than yMin (now " + ParameterSpec.format(min) + " to "
                            + ParameterSpec.format(max) + ")");
        }
        return new Domain(min, max);
    }
}
