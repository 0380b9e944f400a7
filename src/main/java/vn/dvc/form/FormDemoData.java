package vn.dvc.form;

import java.time.Clock;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.dvc.catalogue.Procedures;
import vn.dvc.shared.DemoDataSet;

/**
 * The demo's forms: birth and marriage registration on their current versions. Every other procedure
 * uses {@link FormDefinition#generic()}. Recorded as written by "demo-data".
 */
@Component
class FormDemoData implements DemoDataSet {

    static final String ACTOR = "demo-data";

    private final Procedures procedures;
    private final FormDefinitions definitions;
    private final Clock clock;

    FormDemoData(Procedures procedures, FormDefinitions definitions, Clock clock) {
        this.procedures = procedures;
        this.definitions = definitions;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "form";
    }

    /** After the catalogue (30), before data that fill forms in. */
    @Override
    public int order() {
        return 35;
    }

    @Override
    public void load() {
        Map.of(DemoForms.BIRTH_REGISTRATION, DemoForms.birthRegistration(),
                DemoForms.MARRIAGE_REGISTRATION, DemoForms.marriageRegistration())
                .forEach((code, definition) -> procedures.find(code).ifPresent(procedure -> definitions.save(
                        procedure.versionId(), DefinitionRules.normalise(definition), ACTOR, clock.instant())));
    }
}
