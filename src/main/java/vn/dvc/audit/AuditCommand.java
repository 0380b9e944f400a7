package vn.dvc.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar app.jar --app.command=verify-audit --server.port=0}: verifies the
 * trail once the application has started (on any free port, so that it can run beside the server; the
 * application does not start without its web layer), prints the outcome and exits with status 0 when it is
 * intact, 1 when it is broken.
 */
@Component
@ConditionalOnProperty(name = "app.command", havingValue = "verify-audit")
class AuditCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AuditCommand.class);

    private final AuditVerification verification;
    private final ConfigurableApplicationContext context;

    AuditCommand(AuditVerification verification, ConfigurableApplicationContext context) {
        this.verification = verification;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        AuditVerification.Result result = verification.verify();
        String line = result.ok()
                ? "audit trail OK: " + result.entries() + " entries verified"
                : "audit trail BROKEN at sequence " + result.firstBrokenSequence() + " (" + result.problem() + "), "
                        + result.entries() + " entries verified before it";
        System.out.println(line);
        if (result.ok()) {
            log.info(line);
        } else {
            log.error(line);
        }
        int status = SpringApplication.exit(context, (ExitCodeGenerator) () -> result.ok() ? 0 : 1);
        System.exit(status);
    }
}
