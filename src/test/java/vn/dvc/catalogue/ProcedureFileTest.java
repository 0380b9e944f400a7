package vn.dvc.catalogue;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** What the import and export tests share: the beans they use and the file helper. */
abstract class ProcedureFileTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    ProcedureImport imports;
    @Autowired
    Procedures procedures;
    @Autowired
    JdbcClient jdbc;

    ProcedureFiles files;

    @BeforeEach
    void setUpFiles() {
        files = new ProcedureFiles(mvc, users, imports, jdbc);
    }
}
