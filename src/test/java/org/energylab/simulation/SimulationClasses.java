package org.energylab.simulation;

import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/** Every {@link Simulation} component of the application, found by scanning, so tests cover new ones automatically. */
public final class SimulationClasses {
    private SimulationClasses() {}

    /** Fresh instances of every concrete Simulation under {@code org.energylab.simulation}, sorted by class name. */
    public static List<Simulation> instantiateAll() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        // The application's simulations are Spring components; test doubles are not.
        var isSimulation = new AssignableTypeFilter(Simulation.class);
        var isComponent = new AnnotationTypeFilter(Component.class);
        scanner.addIncludeFilter(
                (reader, factory) -> isSimulation.match(reader, factory) && isComponent.match(reader, factory));
        List<Simulation> simulations = scanner.findCandidateComponents("org.energylab.simulation").stream()
                .map(BeanDefinition::getBeanClassName)
                .sorted()
                .map(SimulationClasses::instantiate)
                .sorted(Comparator.comparing(Simulation::id))
                .toList();
        if (simulations.isEmpty()) {
            throw new IllegalStateException("no Simulation class found under org.energylab.simulation");
        }
        return simulations;
    }

    private static Simulation instantiate(String className) {
        try {
            Class<?> type = ClassUtils.forName(className, SimulationClasses.class.getClassLoader());
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return (Simulation) constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(className + " needs a no-argument constructor to be tested", e);
        }
    }
}
