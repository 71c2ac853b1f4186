package vn.trean.children;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.UnitId;
import vn.trean.shared.FormErrors;
import vn.trean.shared.VietnameseText;

/**
 * Registers children and finds the ones that may already be registered. Matching is by
 * the identification number, the folded name (so diacritics, Unicode form, case and
 * tone-mark placement do not matter), the birth date, the commune and a parent's name.
 */
@Service
@Transactional
public class ChildRegistry {

	/** A child is a person under 16 (Law on Children, Art. 1). */
	public static final int CHILD_AGE_LIMIT = 16;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ChildDetailsPolicy policy;

	private final DuplicateSearch duplicates;

	ChildRegistry(JdbcClient jdbc, Clock clock, ChildDetailsPolicy policy, DuplicateSearch duplicates) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.policy = policy;
		this.duplicates = duplicates;
	}

	/**
	 * The rules for a child's details ({@link ChildDetailsPolicy}), keyed by field
	 * (prefixed, e.g. {@code children[0].}).
	 */
	@Transactional(readOnly = true)
	public FormErrors check(ChildDetails child, String prefix, FormErrors errors) {
		return policy.check(child, prefix, errors);
	}

	/** Another child already holds the identification number. */
	public static class PersonalIdTaken extends RuntimeException {

		private final int position;

		PersonalIdTaken(int position) {
			super("Identification number already registered");
			this.position = position;
		}

		/** Which of the children registered together holds a taken number (from 0). */
		public int position() {
			return position;
		}

	}

	/**
	 * Registers a new child; the details must pass {@link #check}. A number another child
	 * holds (registered a moment ago by another transaction) is {@link PersonalIdTaken};
	 * the transaction cannot go on and is rolled back.
	 */
	public ChildId register(ChildDetails child, boolean demo) {
		FormErrors errors = check(child, "", new FormErrors());
		if (errors.hasErrors()) {
			throw new IllegalArgumentException("Invalid child details: " + errors.asMap());
		}
		return registerChecked(List.of(child), demo).get(0);
	}

	/**
	 * Registers the new children of one report, whose details passed {@link #check} in
	 * this transaction (they are not checked again), in their order. The numbers about to
	 * be registered are locked first, in one statement and one order (sorted): two
	 * reports registering the same children then wait in turn instead of deadlocking on
	 * the number's unique index, and the second finds the number taken
	 * ({@link PersonalIdTaken}, naming the child's position; the transaction cannot go on
	 * and is rolled back).
	 */
	public List<ChildId> registerChecked(List<ChildDetails> newChildren, boolean demo) {
		lockPersonalIds(newChildren.stream()
			.map(c -> PersonalIdNumber.parse(c.personalId()))
			.filter(java.util.Objects::nonNull)
			.toList());
		LocalDate today = LocalDate.now(clock);
		List<ChildId> ids = new ArrayList<>();
		for (ChildDetails child : newChildren) {
			LocalDate born = child.effectiveBirthDate(today);
			String name = VietnameseText.normalize(child.fullName());
			try {
				ids.add(new ChildId(insert(child, demo, born, name, PersonalIdNumber.parse(child.personalId()))));
			}
			catch (DuplicateKeyException ex) {
				// the number's unique index (V6): the only unique value of a child
				throw new PersonalIdTaken(ids.size());
			}
		}
		return ids;
	}

	private void lockPersonalIds(Collection<PersonalIdNumber> numbers) {
		if (!numbers.isEmpty()) {
			jdbc.sql("""
					SELECT count(pg_advisory_xact_lock(hashtext('child_personal_id'), hashtext(pid)))
					FROM (SELECT DISTINCT unnest(:pids) AS pid ORDER BY 1) pids""")
				.param("pids", numbers.stream().map(PersonalIdNumber::value).sorted().toArray(String[]::new))
				.query(Long.class)
				.single();
		}
	}

	private long insert(ChildDetails child, boolean demo, LocalDate born, String name, PersonalIdNumber pid) {
		return jdbc.sql("""
				INSERT INTO child (full_name, name_key, given_key, sex, birth_date, birth_date_approximate, birth_year,
				  personal_id, residence_unit_id, address_detail, school, parent_name, parent_key, demo, created_at)
				VALUES (:name, :key, :given, :sex, :born, :approx, :year, :pid, :unit, :address, :school, :parent,
				  :parentKey, :demo, :now) RETURNING id""")
			.param("name", name)
			.param("key", VietnameseText.fold(name))
			.param("given", givenKey(name))
			.param("sex", child.sex().name())
			.param("born", born)
			.param("approx", child.birthDate() == null && born != null)
			.param("year", born == null ? null : born.getYear())
			.param("pid", pid == null ? null : pid.value())
			.param("unit", child.residence() == null ? null : child.residence().value())
			.param("address", blank(child.addressDetail()))
			.param("school", blank(child.school()))
			.param("parent", blank(child.parentName()))
			.param("parentKey",
					child.parentName() == null || child.parentName().isBlank() ? null
							: VietnameseText.fold(child.parentName()))
			.param("demo", demo)
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	public Optional<Child> find(ChildId id) {
		return jdbc.sql("SELECT * FROM child WHERE id = :id")
			.param("id", id.value())
			.query(ChildRegistry::map)
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<Child> find(ChildReference reference) {
		return jdbc.sql("SELECT * FROM child WHERE reference = :reference")
			.param("reference", reference.value())
			.query(ChildRegistry::map)
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<Child> findByPersonalId(PersonalIdNumber pid) {
		return jdbc.sql("SELECT * FROM child WHERE personal_id = :pid")
			.param("pid", pid.value())
			.query(ChildRegistry::map)
			.optional();
	}

	/**
	 * Registered children that may be the one described, best first, each with its
	 * reasons ({@link DuplicateSearch}).
	 * @param within the units to look in (the province), or empty for everywhere
	 */
	@Transactional(readOnly = true)
	public List<ChildMatch> likelyMatches(ChildDetails candidate, Collection<UnitId> within, int limit) {
		return duplicates.likelyMatches(candidate, within, limit);
	}

	/**
	 * Whether the details name this registered child beyond doubt: the identification
	 * number is hers and a second fact agrees, her exact birth date or her full name. The
	 * birth year is no second fact, the number encodes it.
	 */
	public static boolean confirmedBy(ChildDetails details, Child child) {
		PersonalIdNumber typed;
		try {
			typed = PersonalIdNumber.parse(details.personalId());
		}
		catch (InvalidPersonalIdNumber ex) {
			return false;
		}
		if (typed == null || !typed.equals(child.personalId())) {
			return false;
		}
		boolean sameBirthDate = details.birthDate() != null && !child.birthDateApproximate()
				&& details.birthDate().equals(child.birthDate());
		boolean sameName = details.fullName() != null
				&& VietnameseText.fold(details.fullName()).equals(VietnameseText.fold(child.fullName()));
		return sameBirthDate || sameName;
	}

	/** Children whose folded name contains the folded query. */
	@Transactional(readOnly = true)
	public List<Child> searchByName(String query, Collection<UnitId> within, int limit) {
		String key = VietnameseText.fold(query).replace("%", "").replace("_", "");
		if (key.isBlank()) {
			return List.of();
		}
		return jdbc
			.sql("SELECT * FROM child WHERE name_key LIKE :pattern AND (residence_unit_id = ANY(:units) "
					+ "OR cardinality(:units) = 0) ORDER BY full_name COLLATE vietnamese, id LIMIT :limit")
			.param("pattern", "%" + key + "%")
			.param("units", within.stream().map(UnitId::value).toArray(Long[]::new))
			.param("limit", limit)
			.query(ChildRegistry::map)
			.list();
	}

	static String givenKey(String fullName) {
		String folded = VietnameseText.fold(fullName);
		int space = folded.lastIndexOf(' ');
		String given = space < 0 ? folded : folded.substring(space + 1);
		// at most 60 characters, never cutting a character in two
		return given.codePointCount(0, given.length()) > 60 ? given.substring(0, given.offsetByCodePoints(0, 60))
				: given;
	}

	private static String blank(String text) {
		return text == null || text.isBlank() ? null : VietnameseText.normalize(text);
	}

	static Child map(ResultSet rs, int row) throws SQLException {
		long unit = rs.getLong("residence_unit_id");
		UnitId residence = rs.wasNull() ? null : new UnitId(unit);
		String pid = rs.getString("personal_id");
		return new Child(new ChildId(rs.getLong("id")), new ChildReference(rs.getObject("reference", UUID.class)),
				rs.getString("full_name"), Sex.valueOf(rs.getString("sex")),
				rs.getObject("birth_date", LocalDate.class), rs.getBoolean("birth_date_approximate"),
				pid == null ? null : new PersonalIdNumber(pid), residence, rs.getString("address_detail"),
				rs.getString("school"), rs.getString("parent_name"));
	}

}
