package org.energylab.simulation.gibbs;

/**
 * A reaction described by its standard enthalpy and entropy changes, taken as independent of
 * temperature (the usual approximation; both really drift slowly with T through the heat
 * capacities). The units are the ones tables use, kJ/mol for ΔH° and J/(mol·K) for ΔS°, so every
 * formula that mixes them converts ΔH° to J/mol first.
 *
 * @param enthalpy ΔH° in kJ/mol
 * @param entropy ΔS° in J/(mol·K)
 */
record Reaction(double enthalpy, double entropy) {
    /** Molar gas constant R in J/(mol·K) (exact in the 2019 SI: N_A·k_B). */
    static final double GAS_CONSTANT = 8.314462618;

    /** Standard temperature of thermochemical tables, in K. */
    static final double STANDARD_TEMPERATURE = 298.15;

    private static final double JOULES_PER_KILOJOULE = 1000;

    /** ΔG°(T) = ΔH° − TΔS°, in kJ/mol. */
    double deltaG(double temperature) {
        return deltaGJoules(temperature) / JOULES_PER_KILOJOULE;
    }

    /** ΔG°(T) in J/mol. */
    private double deltaGJoules(double temperature) {
        return enthalpy * JOULES_PER_KILOJOULE - temperature * entropy;
    }

    /** ln K(T) = −ΔG°/(RT) = −ΔH°/(RT) + ΔS°/R: finite for every T > 0, unlike K itself. */
    double lnEquilibriumConstant(double temperature) {
        return -deltaGJoules(temperature) / (GAS_CONSTANT * temperature);
    }

    /**
     * K(T) = exp(−ΔG°/(RT)), or NaN where it overflows a double or underflows below the smallest
     * normal double (|ln K| beyond about 708): a gap in a chart rather than an infinity or a zero
     * that a logarithmic axis cannot draw.
     */
    double equilibriumConstant(double temperature) {
        double k = Math.exp(lnEquilibriumConstant(temperature));
        return Double.isFinite(k) && k >= Double.MIN_NORMAL ? k : Double.NaN;
    }

    /**
     * The temperature T* = ΔH°/ΔS° (ΔH° converted to J/mol) where ΔG° changes sign, or NaN when
     * there is none: ΔH° and ΔS° of opposite signs, either of them zero (ΔG° then keeps one sign at
     * every T > 0), or a ΔS° so close to zero that T* is not a finite number.
     */
    double crossoverTemperature() {
        if (enthalpy == 0 || entropy == 0 || Math.signum(enthalpy) != Math.signum(entropy)) {
            return Double.NaN;
        }
        double t = enthalpy * JOULES_PER_KILOJOULE / entropy;
        return Double.isFinite(t) ? t : Double.NaN;
    }

    /** Whether ΔG° < 0 above T* (an entropy-driven reaction) rather than below it (an enthalpy-driven one). */
    boolean spontaneousAboveCrossover() {
        return entropy > 0;
    }
}
