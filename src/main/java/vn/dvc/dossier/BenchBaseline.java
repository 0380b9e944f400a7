package vn.dvc.dossier;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.dvc.shared.NotFoundException;

/**
 * The baseline of the lookup benchmark (bench/dossier.sh): a bare endpoint that reads one dossier row
 * by its primary key. It exists only when {@code app.bench.baseline=true}, which only the benchmark
 * script sets; it is not part of the API.
 */
@RestController
@ConditionalOnProperty(name = "app.bench.baseline", havingValue = "true")
class BenchBaseline {

    private final JdbcClient jdbc;

    BenchBaseline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/bench/dossiers/{id}")
    Map<String, Object> row(@PathVariable long id) {
        return jdbc.sql("select code, status from dossier where id = ?").param(id)
                .query((rs, n) -> Map.<String, Object>of("code", rs.getString(1), "status", rs.getInt(2))).optional()
                .orElseThrow(() -> new NotFoundException("dossier.lookup.not-found"));
    }
}
