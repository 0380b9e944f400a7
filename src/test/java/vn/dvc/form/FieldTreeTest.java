package vn.dvc.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dvc.form.FieldType.GROUP;
import static vn.dvc.form.FieldType.RADIO;
import static vn.dvc.form.FieldType.TEXT;

import java.util.List;

import org.junit.jupiter.api.Test;

class FieldTreeTest {

    static FormDefinition form() {
        return FormDefinition.of(
                FormField.builder("kind", RADIO, "Loại").option("a", "Loại A").option("b", "Loại B").build(),
                FormField.builder("parties", GROUP, "Các bên").fields(
                        FormField.builder("fullName", TEXT, "Họ và tên").build(),
                        FormField.builder("note", TEXT, "Ghi chú").visibleWhen("kind", "b").build()).build(),
                FormField.builder("summary", TEXT, "Tóm tắt").build());
    }

    static List<String> names(List<FormField> fields) {
        return fields.stream().map(FormField::name).toList();
    }

    @Test
    void readsPositions() {
        assertThat(FieldTree.parse("1.0")).containsExactly(1, 0);
        assertThat(FieldTree.parse("1.x")).isNull();
        assertThat(FieldTree.parse("")).isNull();
        assertThat(FieldTree.get(form(), List.of(1, 1)).name()).isEqualTo("note");
        assertThat(FieldTree.get(form(), List.of(1, 5))).isNull();
        assertThat(FieldTree.namePath(form(), List.of(1, 1))).isEqualTo("parties.note");
    }

    @Test
    void listsRowsWithTheirDepthAndConditionInWords() {
        List<FieldTree.Row> rows = FieldTree.rows(form());
        assertThat(rows).extracting(FieldTree.Row::path).containsExactly("0", "1", "1.0", "1.1", "2");
        assertThat(rows.get(3).depth()).isEqualTo(1);
        assertThat(rows.get(3).conditionField()).isEqualTo("Loại");
        assertThat(rows.get(3).conditionValues()).isEqualTo("Loại B");
        assertThat(rows.get(2).first()).isTrue();
        assertThat(rows.get(3).last()).isTrue();
    }

    @Test
    void movesWithinTheSameLevelOnly() {
        assertThat(names(FieldTree.move(form(), List.of(1, 1), -1).fields().get(1).fields()))
                .containsExactly("note", "fullName");
        assertThat(names(FieldTree.move(form(), List.of(0), -1).fields())).containsExactly("kind", "parties", "summary");
        assertThat(names(FieldTree.move(form(), List.of(2), 1).fields())).containsExactly("kind", "parties", "summary");
        assertThat(names(FieldTree.move(form(), List.of(0), 1).fields())).containsExactly("parties", "kind", "summary");
    }

    @Test
    void addsReplacesAndRemovesFields() {
        FormField extra = FormField.builder("extra", TEXT, "Thêm").build();
        assertThat(names(FieldTree.append(form(), List.of(1), extra).fields().get(1).fields()))
                .containsExactly("fullName", "note", "extra");
        assertThat(names(FieldTree.append(form(), List.of(), extra).fields()))
                .containsExactly("kind", "parties", "summary", "extra");
        assertThat(FieldTree.replace(form(), List.of(1, 0), extra).field("parties.extra")).isPresent();
        assertThat(names(FieldTree.remove(form(), List.of(1)).fields())).containsExactly("kind", "summary");
        assertThatThrownBy(() -> FieldTree.remove(form(), List.of(7))).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aConditionMayReadItsLevelAndTheLevelsAroundButNotGroupsOrItself() {
        assertThat(names(FieldTree.readable(form(), List.of(1), 1))).containsExactly("fullName", "kind", "summary");
        assertThat(names(FieldTree.readable(form(), List.of(), 2))).containsExactly("kind");
    }
}
