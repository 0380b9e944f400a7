package vn.dvc.form;

import java.util.ArrayList;
import java.util.List;

/**
 * The editor's view of a definition: fields addressed by their positions ("2" is the third field,
 * "2.0" the first field of that group), and the changes the editor makes, each returning a new
 * definition.
 */
final class FieldTree {

    /**
     * One row of the editor's list of fields.
     *
     * @param conditionField the label of the field its condition reads, or null
     * @param conditionValues the condition's values, as the options' labels where there are options
     */
    record Row(String path, int depth, FormField field, String namePath, boolean first, boolean last,
            String conditionField, String conditionValues) {
    }

    private FieldTree() {
    }

    /** "2.0" → [2, 0]; null when it is not such a path. */
    static List<Integer> parse(String path) {
        if (path == null || !path.matches("\\d{1,3}(\\.\\d{1,3}){0,4}")) {
            return null;
        }
        List<Integer> positions = new ArrayList<>();
        for (String part : path.split("\\.")) {
            positions.add(Integer.parseInt(part));
        }
        return positions;
    }

    static String format(List<Integer> positions) {
        return String.join(".", positions.stream().map(String::valueOf).toList());
    }

    /** The field at a position, or null. */
    static FormField get(FormDefinition definition, List<Integer> positions) {
        if (positions == null || positions.isEmpty()) {
            return null;
        }
        List<FormField> level = definition.fields();
        FormField field = null;
        for (int position : positions) {
            if (position >= level.size()) {
                return null;
            }
            field = level.get(position);
            level = field.fields();
        }
        return field;
    }

    /** The fields of the level a new field goes into: the form (empty positions) or a group's. */
    static List<FormField> level(FormDefinition definition, List<Integer> parent) {
        if (parent.isEmpty()) {
            return definition.fields();
        }
        FormField group = get(definition, parent);
        return group == null ? null : group.fields();
    }

    /** The names from the top to the field at a position, e.g. "parties.fullName". */
    static String namePath(FormDefinition definition, List<Integer> positions) {
        List<String> names = new ArrayList<>();
        List<FormField> level = definition.fields();
        for (int position : positions) {
            FormField field = level.get(position);
            names.add(field.name());
            level = field.fields();
        }
        return String.join(".", names);
    }

    static List<Row> rows(FormDefinition definition) {
        List<Row> rows = new ArrayList<>();
        rows(definition.fields(), new ArrayList<>(), "", new ArrayList<>(), rows);
        return rows;
    }

    private static void rows(List<FormField> fields, List<Integer> parent, String namePrefix,
            List<List<FormField>> outer, List<Row> rows) {
        List<List<FormField>> scopes = new ArrayList<>(outer);
        scopes.add(0, fields);
        for (int i = 0; i < fields.size(); i++) {
            List<Integer> positions = new ArrayList<>(parent);
            positions.add(i);
            FormField field = fields.get(i);
            String conditionField = null;
            String conditionValues = null;
            if (field.visibleWhen() != null) {
                FormField read = scopes.stream().flatMap(List::stream)
                        .filter(f -> f.name() != null && f.name().equals(field.visibleWhen().field()))
                        .findFirst().orElse(null);
                conditionField = read == null ? field.visibleWhen().field() : read.label();
                conditionValues = String.join(", ", field.visibleWhen().values().stream()
                        .map(v -> read == null ? v : read.options().stream().filter(o -> v.equals(o.value()))
                                .map(Option::label).findFirst().orElse(v))
                        .toList());
            }
            rows.add(new Row(format(positions), parent.size(), field, namePrefix + field.name(), i == 0,
                    i == fields.size() - 1, conditionField, conditionValues));
            rows(field.fields(), positions, namePrefix + field.name() + ".", scopes, rows);
        }
    }

    /**
     * The fields a condition of a field at {@code parent} may read: those of its level and of the levels
     * around it, nearest first, except the field itself and groups.
     */
    static List<FormField> readable(FormDefinition definition, List<Integer> parent, Integer self) {
        List<FormField> readable = new ArrayList<>();
        for (int depth = parent.size(); depth >= 0; depth--) {
            List<Integer> levelPath = parent.subList(0, depth);
            List<FormField> level = level(definition, levelPath);
            for (int i = 0; level != null && i < level.size(); i++) {
                boolean itself = depth == parent.size() && self != null && i == self;
                boolean enclosing = depth < parent.size() && i == parent.get(depth);
                FormField candidate = level.get(i);
                if (!itself && !enclosing && candidate.type() != FieldType.GROUP
                        && readable.stream().noneMatch(f -> f.name().equals(candidate.name()))) {
                    readable.add(candidate);
                }
            }
        }
        return readable;
    }

    static FormDefinition replace(FormDefinition definition, List<Integer> positions, FormField field) {
        return new FormDefinition(change(definition.fields(), positions, 0, (level, i) -> level.set(i, field)));
    }

    static FormDefinition remove(FormDefinition definition, List<Integer> positions) {
        return new FormDefinition(change(definition.fields(), positions, 0, (level, i) -> level.remove((int) i)));
    }

    /** Moves a field up (-1) or down (+1) among its siblings; at the end of the list nothing moves. */
    static FormDefinition move(FormDefinition definition, List<Integer> positions, int delta) {
        return new FormDefinition(change(definition.fields(), positions, 0, (level, i) -> {
            int j = i + delta;
            if (j >= 0 && j < level.size()) {
                FormField moved = level.remove(i);
                level.add(j, moved);
            }
        }));
    }

    /** Adds a field at the end of the form (empty {@code parent}) or of a group. */
    static FormDefinition append(FormDefinition definition, List<Integer> parent, FormField field) {
        if (parent.isEmpty()) {
            List<FormField> fields = new ArrayList<>(definition.fields());
            fields.add(field);
            return new FormDefinition(fields);
        }
        FormField group = get(definition, parent);
        List<FormField> children = new ArrayList<>(group.fields());
        children.add(field);
        return replace(definition, parent, group.toBuilder().fields(children).build());
    }

    private interface LevelChange {
        void apply(List<FormField> level, int index);
    }

    private static List<FormField> change(List<FormField> fields, List<Integer> positions, int depth,
            LevelChange change) {
        List<FormField> level = new ArrayList<>(fields);
        int index = positions.get(depth);
        if (index >= level.size()) {
            throw new IndexOutOfBoundsException(index);
        }
        if (depth == positions.size() - 1) {
            change.apply(level, index);
        } else {
            FormField group = level.get(index);
            level.set(index, group.toBuilder().fields(change(group.fields(), positions, depth + 1, change)).build());
        }
        return level;
    }
}
