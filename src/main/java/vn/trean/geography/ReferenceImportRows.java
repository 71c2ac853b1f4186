package vn.trean.geography;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.shared.VietnameseText;

/**
 * The statements of the reference import: the record of the files imported (under one
 * advisory lock, so instances starting together import each file once), the units and
 * successions it writes, and the lookup of a unit it wrote before by level, code and day.
 */
@Repository
class ReferenceImportRows {

	private final JdbcClient jdbc;

	ReferenceImportRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Waits until no other transaction imports reference files; held to this one's end.
	 */
	void lockImports() {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('reference_data_import'))").query().singleValue();
	}

	/** The SHA-256 of the file of that name when it was imported, if it was. */
	Optional<String> importedSha256(String fileName) {
		return jdbc.sql("SELECT sha256 FROM reference_data_import WHERE file_name = :name")
			.param("name", fileName)
			.query(String.class)
			.optional();
	}

	void recordImport(String fileName, String sha256, int rows, Instant at) {
		jdbc.sql("INSERT INTO reference_data_import (file_name, sha256, rows_imported, imported_at) "
				+ "VALUES (:name, :sha, :rows, :at)")
			.param("name", fileName)
			.param("sha", sha256)
			.param("rows", rows)
			.param("at", Timestamp.from(at))
			.update();
	}

	long insert(String code, String level, String type, String typeLabel, String name, String fullName, String nameEn,
			String altName, Long parent, LocalDate validFrom, LocalDate validTo, String note) {
		String searchKey = VietnameseText.fold(fullName + " " + (altName == null ? "" : altName) + " " + code);
		return jdbc.sql("""
				INSERT INTO administrative_unit (code, level, unit_type, unit_type_label, name, full_name, name_en,
				  alt_name, search_key, parent_id, valid_from, valid_to, note)
				VALUES (:code, :level, :type, :label, :name, :full, :en, :alt, :key, :parent, :from, :to, :note)
				RETURNING id""")
			.param("code", code)
			.param("level", level)
			.param("type", type)
			.param("label", VietnameseText.normalize(typeLabel))
			.param("name", VietnameseText.normalize(name))
			.param("full", VietnameseText.normalize(fullName))
			.param("en", nameEn)
			.param("alt", VietnameseText.normalize(altName))
			.param("key", searchKey)
			.param("parent", parent)
			.param("from", validFrom)
			.param("to", validTo)
			.param("note", note)
			.query(Long.class)
			.single();
	}

	void insertSuccession(long predecessor, long successor, String kind, LocalDate effectiveOn, String legalBasis) {
		jdbc.sql(
				"INSERT INTO administrative_unit_succession (predecessor_id, successor_id, kind, effective_on, legal_basis) "
						+ "VALUES (:p, :s, :kind, :on, :basis)")
			.param("p", predecessor)
			.param("s", successor)
			.param("kind", kind)
			.param("on", effectiveOn)
			.param("basis", legalBasis)
			.update();
	}

	/** The id of the unit of a level a code names on a day, or {@code null}. */
	Long unitId(String level, String code, LocalDate on) {
		return jdbc
			.sql("SELECT id FROM administrative_unit WHERE level = :level AND code = :code "
					+ "AND (valid_from IS NULL OR valid_from <= :on) AND (valid_to IS NULL OR valid_to >= :on)")
			.param("level", level)
			.param("code", code)
			.param("on", on)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

}
