package vn.trean.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.geography.UnitId;
import vn.trean.shared.AgencyId;
import vn.trean.shared.VietnameseText;

/** Agencies in PostgreSQL. */
@Repository
class AgencyRepository {

	private final JdbcClient jdbc;

	AgencyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Agency> find(AgencyId id) {
		return jdbc.sql("SELECT * FROM agency WHERE id = :id")
			.param("id", id.value())
			.query(AgencyRepository::map)
			.optional();
	}

	List<Agency> findIn(Collection<UnitId> units, Sector sector, String query) {
		StringBuilder sql = new StringBuilder("SELECT * FROM agency WHERE unit_id = ANY(:units)");
		if (sector != null) {
			sql.append(" AND sector = :sector");
		}
		if (query != null && !query.isBlank()) {
			sql.append(" AND search_key LIKE :pattern");
		}
		sql.append(" ORDER BY name COLLATE vietnamese, id LIMIT 500");
		var spec = jdbc.sql(sql.toString()).param("units", units.stream().map(UnitId::value).toArray(Long[]::new));
		if (sector != null) {
			spec = spec.param("sector", sector.name());
		}
		if (query != null && !query.isBlank()) {
			spec = spec.param("pattern", "%" + VietnameseText.fold(query).replace("%", "").replace("_", "") + "%");
		}
		return spec.query(AgencyRepository::map).list();
	}

	long insert(Agency agency, Instant now) {
		return bindDetails(jdbc.sql("""
				INSERT INTO agency (name, search_key, sector, unit_id, address, phone, email, contact_person, demo,
				  created_at, updated_at)
				VALUES (:name, :key, :sector, :unit, :address, :phone, :email, :contact, :demo, :now, :now)
				RETURNING id"""), agency, now).param("demo", agency.demo()).query(Long.class).single();
	}

	void update(Agency agency, Instant now) {
		bindDetails(jdbc.sql("""
				UPDATE agency SET name = :name, search_key = :key, sector = :sector, unit_id = :unit,
				  address = :address, phone = :phone, email = :email, contact_person = :contact, updated_at = :now,
				  version = version + 1
				WHERE id = :id"""), agency, now).param("id", agency.id().value()).update();
	}

	Optional<Long> findHead(AgencyId id) {
		return jdbc.sql("SELECT head_user_id FROM agency WHERE id = :id AND head_user_id IS NOT NULL")
			.param("id", id.value())
			.query(Long.class)
			.optional();
	}

	void updateHead(AgencyId id, Long head, Instant now) {
		jdbc.sql("UPDATE agency SET head_user_id = :head, updated_at = :now, version = version + 1 WHERE id = :id")
			.param("head", head, java.sql.Types.BIGINT)
			.param("now", Timestamp.from(now))
			.param("id", id.value())
			.update();
	}

	private static JdbcClient.StatementSpec bindDetails(JdbcClient.StatementSpec statement, Agency agency,
			Instant now) {
		return statement.param("name", agency.name())
			.param("key", VietnameseText.fold(agency.name()))
			.param("sector", agency.sector().name())
			.param("unit", agency.unit().value())
			.param("address", agency.address())
			.param("phone", agency.phone())
			.param("email", agency.email())
			.param("contact", agency.contactPerson())
			.param("now", Timestamp.from(now));
	}

	static Agency map(ResultSet rs, int row) throws SQLException {
		return new Agency(new AgencyId(rs.getLong("id")), rs.getString("name"), Sector.valueOf(rs.getString("sector")),
				new UnitId(rs.getLong("unit_id")), rs.getString("address"), rs.getString("phone"),
				rs.getString("email"), rs.getString("contact_person"), rs.getBoolean("demo"));
	}

}
