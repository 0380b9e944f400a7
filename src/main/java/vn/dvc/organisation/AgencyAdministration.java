package vn.dvc.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvc.identity.AgencyScope;
import vn.dvc.identity.CurrentUser;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.ProblemException.FieldProblem;
import vn.dvc.shared.VietnameseText;

/**
 * Changes to the organisation, effective-dated so that history is kept: creating, renaming, merging
 * and dissolving agencies (province-wide roles only) and editing an agency's contact details (its own
 * administrator too). Every change is audited in {@code agency_change} and published as an event.
 * The caller's {@link AgencyScope} is part of every SQL statement that reads or locks an agency, so
 * a controller cannot forget the check; a stale {@code version} is refused rather than overwritten.
 */
@Service
@Transactional
public class AgencyAdministration {

    public static final int NAME_MAX = 300;
    private static final int CONTACT_MAX = 300;
    private static final Pattern CODE = Pattern.compile(Agency.CODE_PATTERN);
    // 8 to 15 digits, with the separators people write: "0269 3824 123", "(+84) 269.3824.123".
    private static final Pattern PHONE = Pattern.compile("^(?=(?:\\D*\\d){8,15}\\D*$)[0-9 .()+-]{8,24}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern WEBSITE = Pattern.compile("^https?://[^\\s]+$");

    private static final String IN_SCOPE = "(:all or a.code = any(string_to_array(:codes, ',')))";
    private static final String PROVINCE_ONLY = ":all";

    private final JdbcClient jdbc;
    private final Agencies agencies;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AgencyAdministration(JdbcClient jdbc, Agencies agencies, CurrentUser currentUser,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** A new agency; {@code shortName} is optional. */
    public record NewAgency(String code, AgencyLevel level, String parentCode, String name, String shortName,
            LocalDate validFrom) {
    }

    /** How the public reaches an agency; every field optional. */
    public record Contacts(String address, String phone, String email, String website) {
    }

    /** An agency as its administrator sees it, with the version an edit must name. */
    public record Editable(Agency agency, long version) {
    }

    /** The agencies this scope manages (in force today or not), by level and code. */
    @Transactional(readOnly = true)
    public List<Agency> manageable(AgencyScope scope) {
        return jdbc.sql(Agencies.SELECT_LAST_NAME + " where " + IN_SCOPE + " order by a.valid_to nulls first, "
                        + Agencies.LEVEL_ORDER + ", a.code")
                .param("day", today()).param("all", scope.all()).param("codes", codes(scope))
                .query(Agencies::map).list();
    }

    /** The agency for its details form; not found when outside the scope. */
    @Transactional(readOnly = true)
    public Editable editable(AgencyScope scope, String code) {
        return row(scope, code, IN_SCOPE, false).map(Locked::editable).orElseThrow(() -> notFound(code));
    }

    /** The agency for a rename, merge or dissolution form; not found unless the scope is the province. */
    @Transactional(readOnly = true)
    public Editable changeable(AgencyScope scope, String code) {
        return row(scope, code, PROVINCE_ONLY, false).map(Locked::editable).orElseThrow(() -> notFound(code));
    }

    public String create(AgencyScope scope, NewAgency agency) {
        requireProvince(scope);
        List<FieldProblem> problems = new ArrayList<>();
        String code = agency.code() == null ? "" : agency.code().strip();
        if (code.isEmpty()) {
            problems.add(new FieldProblem("code", "validation.required"));
        } else if (!CODE.matcher(code).matches()) {
            problems.add(new FieldProblem("code", "organisation.validation.code-format"));
        } else if (exists(code)) {
            problems.add(new FieldProblem("code", "organisation.validation.code-taken", code));
        }
        if (agency.level() == null) {
            problems.add(new FieldProblem("level", "validation.required"));
        }
        String name = checkName("name", agency.name(), true, problems);
        String shortName = checkName("shortName", agency.shortName(), false, problems);
        if (agency.validFrom() == null) {
            problems.add(new FieldProblem("validFrom", "validation.required"));
        }
        if (blank(agency.parentCode())) {
            problems.add(new FieldProblem("parentCode", "validation.required"));
        } else if (agency.validFrom() != null && !activeOn(agency.parentCode(), agency.validFrom())) {
            problems.add(new FieldProblem("parentCode", "organisation.validation.parent-missing", agency.parentCode()));
        }
        failOn(problems);

        long id = insert(scope, code, agency);
        jdbc.sql("insert into agency_name(agency_id, name, short_name, valid_from) values (?, ?, ?, ?)")
                .params(id, name, shortName, agency.validFrom()).update();
        audit(code, AgencyChange.Kind.CREATED, agency.validFrom(), name);
        events.publishEvent(new AgencyCreated(code, agency.level(), agency.parentCode(), agency.validFrom()));
        return code;
    }

    private long insert(AgencyScope scope, String code, NewAgency agency) {
        try {
            // ":all" again: the statement itself refuses to write for a scope that is not the province.
            return jdbc.sql("""
                    insert into agency(code, level, parent_code, valid_from)
                    select :code, :level, :parent, :from where :all returning id
                    """).param("code", code).param("level", agency.level().name())
                    .param("parent", agency.parentCode()).param("from", agency.validFrom()).param("all", scope.all())
                    .query(Long.class).optional().orElseThrow(() -> new AccessDeniedException(code));
        } catch (DuplicateKeyException e) {
            // Another coordinator took the code between the check and this insert.
            throw new InvalidInputException(
                    List.of(new FieldProblem("code", "organisation.validation.code-taken", code)));
        }
    }

    public void updateDetails(AgencyScope scope, String code, Long version, Contacts contacts) {
        Locked current = lock(scope, code, IN_SCOPE, version);
        List<FieldProblem> problems = new ArrayList<>();
        String address = optional("address", contacts.address(), CONTACT_MAX, null, problems);
        String phone = optional("phone", contacts.phone(), CONTACT_MAX, PHONE, problems);
        String email = optional("email", contacts.email(), CONTACT_MAX, EMAIL, problems);
        String website = optional("website", contacts.website(), CONTACT_MAX, WEBSITE, problems);
        failOn(problems);
        bump(current, """
                update agency set address = :address, phone = :phone, email = :email, website = :website,
                       version = version + 1
                 where id = :id and version = :version
                """, spec -> spec.param("address", address).param("phone", phone).param("email", email)
                .param("website", website));
        audit(code, AgencyChange.Kind.UPDATED, today(), String.join(" · ", nonNull(address, phone, email, website)));
    }

    public void rename(AgencyScope scope, String code, Long version, String newName, String newShortName,
            LocalDate effective) {
        Locked current = lock(scope, code, PROVINCE_ONLY, version);
        requireActive(current.agency());
        List<FieldProblem> problems = new ArrayList<>();
        String name = checkName("name", newName, true, problems);
        String shortName = checkName("shortName", newShortName, false, problems);
        AgencyName currentName = currentName(code);
        if (name != null && name.equals(currentName.name())) {
            problems.add(new FieldProblem("name", "organisation.validation.same-name"));
        }
        checkEffective(effective, currentName.validFrom(), problems);
        failOn(problems);

        long id = current.id();
        jdbc.sql("update agency_name set valid_to = ? where agency_id = ? and valid_to is null")
                .params(effective, id).update();
        jdbc.sql("insert into agency_name(agency_id, name, short_name, valid_from) values (?, ?, ?, ?)")
                .params(id, name, shortName, effective).update();
        bump(current, "update agency set version = version + 1 where id = :id and version = :version", spec -> spec);
        audit(code, AgencyChange.Kind.RENAMED, effective, currentName.name() + " → " + name);
        events.publishEvent(new AgencyRenamed(code, currentName.name(), name, effective));
    }

    /**
     * Ends the agency on {@code effective} and names its successor. Agencies under it are not moved
     * silently: the merge is refused while any is still active, so that each is decided on its own.
     */
    public void merge(AgencyScope scope, String code, Long version, String successorCode, LocalDate effective) {
        Locked current = lock(scope, code, PROVINCE_ONLY, version);
        requireActive(current.agency());
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(successorCode)) {
            problems.add(new FieldProblem("successorCode", "validation.required"));
        } else if (successorCode.equals(code)) {
            problems.add(new FieldProblem("successorCode", "organisation.validation.same-successor"));
        } else if (effective != null && !activeOn(successorCode, effective)) {
            problems.add(new FieldProblem("successorCode", "organisation.validation.successor-missing",
                    successorCode));
        }
        end(current, effective, successorCode, problems);
        audit(code, AgencyChange.Kind.MERGED, effective, successorCode);
        events.publishEvent(new AgencyMerged(code, successorCode, effective));
    }

    /** Ends the agency on {@code effective} without successor; refused while agencies under it are active. */
    public void dissolve(AgencyScope scope, String code, Long version, LocalDate effective) {
        Locked current = lock(scope, code, PROVINCE_ONLY, version);
        requireActive(current.agency());
        end(current, effective, null, new ArrayList<>());
        audit(code, AgencyChange.Kind.DISSOLVED, effective, "");
        events.publishEvent(new AgencyDissolved(code, effective));
    }

    private void end(Locked current, LocalDate effective, String successorCode, List<FieldProblem> problems) {
        String code = current.agency().code();
        checkEffective(effective, currentName(code).validFrom(), problems);
        failOn(problems);
        long children = jdbc.sql("""
                select count(*) from agency where parent_code = ? and (valid_to is null or valid_to > ?)
                """).params(code, effective).query(Long.class).single();
        if (children > 0) {
            throw new ConflictException("organisation.agency.has-children", code, children);
        }
        long id = current.id();
        jdbc.sql("update agency_name set valid_to = ? where agency_id = ? and valid_to is null")
                .params(effective, id).update();
        bump(current, """
                update agency set valid_to = :end, successor_code = :successor, version = version + 1
                 where id = :id and version = :version
                """, spec -> spec.param("end", effective).param("successor", successorCode));
    }

    /** A row read under the scope; the id stays inside this class. */
    private record Locked(long id, Editable editable) {

        Agency agency() {
            return editable.agency();
        }
    }

    private Optional<Locked> row(AgencyScope scope, String code, String scopeCondition, boolean forUpdate) {
        return jdbc.sql(Agencies.SELECT_LAST_NAME + " where a.code = :code and " + scopeCondition
                        + (forUpdate ? " for update of a" : ""))
                .param("code", code).param("day", today()).param("all", scope.all()).param("codes", codes(scope))
                .query((rs, row) -> new Locked(rs.getLong("id"), new Editable(Agencies.map(rs, row), rs.getLong("version"))))
                .optional();
    }

    /**
     * Locks the agency for a change. Outside the scope the answer is "forbidden" for an existing agency;
     * a version other than the one the form was built from is a conflict, never a silent overwrite.
     */
    private Locked lock(AgencyScope scope, String code, String scopeCondition, Long version) {
        Locked current = row(scope, code, scopeCondition, true).orElseThrow(() -> {
            if (exists(code)) {
                return new AccessDeniedException(code);
            }
            return notFound(code);
        });
        if (version == null || current.editable().version() != version) {
            throw new ConflictException("organisation.agency.stale", code);
        }
        return current;
    }

    private void bump(Locked current, String sql, UnaryOperator<JdbcClient.StatementSpec> parameters) {
        int updated = parameters.apply(jdbc.sql(sql)).param("id", current.id())
                .param("version", current.editable().version()).update();
        if (updated != 1) {
            throw new ConflictException("organisation.agency.stale", current.agency().code());
        }
    }

    private AgencyName currentName(String code) {
        List<AgencyName> names = agencies.names(code);
        return names.get(names.size() - 1);
    }

    private void checkEffective(LocalDate effective, LocalDate after, List<FieldProblem> problems) {
        if (effective == null) {
            problems.add(new FieldProblem("effective", "validation.required"));
        } else if (!effective.isAfter(after)) {
            problems.add(new FieldProblem("effective", "organisation.validation.effective-after", after));
        }
    }

    private void requireActive(Agency agency) {
        if (agency.validTo() != null) {
            throw new ConflictException("organisation.agency.inactive", agency.code(), agency.validTo());
        }
    }

    private static void requireProvince(AgencyScope scope) {
        if (!scope.all()) {
            throw new AccessDeniedException("province scope required");
        }
    }

    private boolean exists(String code) {
        return jdbc.sql("select count(*) from agency where code = ?").param(code).query(Long.class).single() > 0;
    }

    private boolean activeOn(String code, LocalDate day) {
        return jdbc.sql("""
                select count(*) from agency where code = ? and valid_from <= ? and (valid_to is null or valid_to > ?)
                """).params(code, day, day).query(Long.class).single() > 0;
    }

    private void audit(String code, AgencyChange.Kind kind, LocalDate effective, String detail) {
        jdbc.sql("insert into agency_change(agency_code, kind, effective, detail, actor) values (?, ?, ?, ?, ?)")
                .params(code, kind.name(), effective, detail, currentUser.actor()).update();
    }

    private static String checkName(String field, String value, boolean required, List<FieldProblem> problems) {
        String name = VietnameseText.nfc(value);
        if (blank(name)) {
            if (required) {
                problems.add(new FieldProblem(field, "validation.required"));
            }
            return null;
        }
        if (name.length() > NAME_MAX) {
            problems.add(new FieldProblem(field, "validation.too-long", NAME_MAX));
        }
        return name;
    }

    private static String optional(String field, String value, int max, Pattern pattern,
            List<FieldProblem> problems) {
        String text = VietnameseText.nfc(value);
        if (blank(text)) {
            return null;
        }
        if (text.length() > max) {
            problems.add(new FieldProblem(field, "validation.too-long", max));
        } else if (pattern != null && !pattern.matcher(text).matches()) {
            problems.add(new FieldProblem(field, "organisation.validation." + field));
        }
        return text;
    }

    private static void failOn(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static NotFoundException notFound(String code) {
        return new NotFoundException("organisation.agency.not-found", code);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static List<String> nonNull(String... values) {
        return Arrays.stream(values).filter(v -> v != null).toList();
    }

    private static String codes(AgencyScope scope) {
        return String.join(",", scope.agencyCodes());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
