package vn.dvc.planning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import vn.dvc.shared.DemoDataSet;

/**
 * The seed plan 2575/KH-UBND for 2020–2021 exactly as written (demo/plan-2575-KH-UBND.csv, the
 * sample file of docs/plan-import-format.md), figures that do not add up included: the checks show
 * them. Also, for the demo, next year's registration opened until 31 December of this year, so that
 * the demo agency administrators can register.
 */
@Component
class PlanningDemoData implements DemoDataSet {

    static final String SEED_FILE = "demo/plan-2575-KH-UBND.csv";

    private final PlanImport imports;
    private final Planning planning;

    PlanningDemoData(PlanImport imports, Planning planning) {
        this.imports = imports;
        this.planning = planning;
    }

    @Override
    public String name() {
        return "planning";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void load() {
        imports.importFile("plan-2575-KH-UBND.csv", seedFile(), "demo-data");
        int year = planning.today().getYear();
        planning.open(year + 1, LocalDate.of(year, 12, 31), "demo-data");
    }

    static byte[] seedFile() {
        try (InputStream in = new ClassPathResource(SEED_FILE).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
