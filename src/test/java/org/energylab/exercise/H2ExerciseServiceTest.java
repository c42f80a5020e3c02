package org.energylab.exercise;

import javax.sql.DataSource;
import org.energylab.learner.TestDatabases;

class H2ExerciseServiceTest extends ExerciseServiceContract {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
