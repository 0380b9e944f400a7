package vn.dvc.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The enabled officer accounts of agencies, for modules that hand work to a named officer. */
@Service
public class Officers {

    /** An officer: the account name, the full name, the agency and the roles. */
    public record Officer(String username, String fullName, String agencyCode, Set<Role> roles) {

        public boolean has(Role role) {
            return roles.contains(role);
        }
    }

    private final JdbcClient jdbc;

    Officers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The enabled officers of the agency who have the role, by name. */
    public List<Officer> at(String agencyCode, Role role) {
        return jdbc.sql("""
                select a.username, a.full_name, a.agency_code,
                       (select string_agg(r.role, ',') from account_role r where r.account_id = a.id) as roles
                  from account a
                 where a.agency_code = ? and a.enabled
                   and exists (select 1 from account_role r where r.account_id = a.id and r.role = ?)
                 order by a.full_name, a.username""").params(agencyCode, role.name())
                .query((rs, n) -> new Officer(rs.getString("username"), rs.getString("full_name"),
                        rs.getString("agency_code"), roles(rs.getString("roles"))))
                .list();
    }

    /** The enabled officer with this account name, if any. */
    public Optional<Officer> find(String username) {
        return jdbc.sql("""
                select a.username, a.full_name, a.agency_code,
                       (select string_agg(r.role, ',') from account_role r where r.account_id = a.id) as roles
                  from account a where a.username = ? and a.enabled and a.agency_code is not null""")
                .param(username)
                .query((rs, n) -> new Officer(rs.getString("username"), rs.getString("full_name"),
                        rs.getString("agency_code"), roles(rs.getString("roles"))))
                .optional();
    }

    private static Set<Role> roles(String list) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (list != null) {
            for (String name : list.split(",")) {
                roles.add(Role.valueOf(name));
            }
        }
        return roles;
    }
}
