package org.energylab.account;

import javax.sql.DataSource;
import org.energylab.learner.TestDatabases;

class H2AccountsTest extends AccountsContract {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
