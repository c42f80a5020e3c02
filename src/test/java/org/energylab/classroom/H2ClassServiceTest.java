package org.energylab.classroom;

import javax.sql.DataSource;
import org.energylab.learner.TestDatabases;

class H2ClassServiceTest extends ClassServiceContract {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
