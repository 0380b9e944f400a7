package vn.dvc.system;

import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.dvc.shared.DemoDataSet;

/**
 * Loads each module's demo data set once: on the embedded default by default, on an external
 * database only when {@code app.demo-data.load=true}. Each set loads in one transaction with its
 * record in {@code demo_data_set}, so a crash half-way leaves nothing half-loaded.
 */
@Component
@Order(0)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final List<DemoDataSet> sets;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final boolean enabled;

    DemoDataLoader(List<DemoDataSet> sets, JdbcClient jdbc, TransactionTemplate transaction,
            @Value("${app.demo-data.load:auto}") String load,
            ObjectProvider<io.zonky.test.db.postgres.embedded.EmbeddedPostgres> embedded) {
        this.sets = sets.stream().sorted(Comparator.comparingInt(DemoDataSet::order)).toList();
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.enabled = "true".equalsIgnoreCase(load)
                || ("auto".equalsIgnoreCase(load) && embedded.getIfAvailable() != null);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        for (DemoDataSet set : sets) {
            if (!set.wanted()) {
                continue;
            }
            transaction.executeWithoutResult(status -> {
                // The lock makes two instances starting together load each set once.
                jdbc.sql("lock table demo_data_set in exclusive mode").update();
                boolean loaded = jdbc.sql("select count(*) from demo_data_set where name = ?")
                        .param(set.name()).query(Long.class).single() > 0;
                if (!loaded) {
                    long start = System.nanoTime();
                    set.load();
                    jdbc.sql("insert into demo_data_set(name, loaded_at) values (?, now())").param(set.name())
                            .update();
                    log.info("Loaded demo data set '{}' in {} ms", set.name(), (System.nanoTime() - start) / 1_000_000);
                }
            });
        }
    }
}
