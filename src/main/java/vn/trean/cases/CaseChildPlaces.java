package vn.trean.cases;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.children.ChildId;
import vn.trean.children.ChildPlaces;
import vn.trean.geography.UnitId;

/**
 * The communes of the cases a child is in, and of a case being transferred to another
 * commune its destination too, for the child registry ({@link ChildPlaces}): whoever may
 * read a child's case may find her record.
 */
@Component
class CaseChildPlaces implements ChildPlaces {

	private final JdbcClient jdbc;

	CaseChildPlaces(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Set<UnitId> unitsOf(ChildId child) {
		return new LinkedHashSet<>(jdbc
			.sql("""
					SELECT unit FROM (SELECT c.unit_id AS unit FROM case_child cc JOIN protection_case c ON c.id = cc.case_id
					  WHERE cc.child_id = :child
					  UNION SELECT c.transfer_to_unit_id FROM case_child cc JOIN protection_case c ON c.id = cc.case_id
					  WHERE cc.child_id = :child AND c.transfer_to_unit_id IS NOT NULL) u ORDER BY unit""")
			.param("child", child.value())
			.query((rs, n) -> new UnitId(rs.getLong(1)))
			.list());
	}

}
