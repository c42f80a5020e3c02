package org.energylab.lesson;

import javax.sql.DataSource;
import org.energylab.learner.TestDatabases;

class H2ProgressServiceTest extends ProgressServiceContract {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
