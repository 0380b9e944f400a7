package vn.dvc;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the application at the run's fresh test database and mail server, and asks for the demo data. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase.dropAfterApplicationContexts();
        TestPropertyValues.of(
                "spring.datasource.url=" + TestDatabase.url(),
                "spring.datasource.username=" + TestDatabase.USER,
                "spring.datasource.password=" + TestDatabase.PASSWORD,
                "app.demo-data.load=true",
                // tests count dossiers: the demo history (ADR 0026) loads only in DemoHistoryTest's own database
                "app.demo-data.history=false",
                "app.login.max-attempts-per-address=1000",
                "app.documents.dir=" + TestDocuments.DIRECTORY,
                "result.signing.dir=" + TestDocuments.DIRECTORY.resolveSibling(TestDocuments.DIRECTORY.getFileName() + "-signing"),
                "server.shutdown=immediate",
                // links in mails as on the default run (the test server listens on a random port)
                "app.public-url=http://localhost:8080",
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + TestMail.port(),
                // Events leave through the machine's real RabbitMQ (127.0.0.1:5672, guest).
                "app.integration.broker.enabled=true")
                .applyTo(context.getEnvironment());
    }
}
