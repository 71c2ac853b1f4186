package vn.trean.geography;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trean.shared.VietnameseText;

/**
 * Imports the administrative-unit reference files (src/main/resources/admin-units, MIT).
 * Each file is imported whole in one transaction or not at all: a malformed row aborts
 * the file with an error naming the file and line. Imported files are recorded so each is
 * imported once, also when several instances start together (an advisory lock serialises
 * them).
 */
@Component
class ReferenceDataImport {

	/** The reference files, in the order their rows depend on each other. */
	enum ReferenceFile {

		PROVINCES_2025("provinces_2025.csv"), OLD_DISTRICTS("can_tho_old_districts.csv"),
		OLD_COMMUNES("can_tho_old_communes.csv"), COMMUNES_2025("can_tho_communes_2025.csv"),
		OLD_TO_NEW_2025("can_tho_old_to_new_2025.csv");

		final String fileName;

		ReferenceFile(String fileName) {
			this.fileName = fileName;
		}

	}

	static final LocalDate REFORM_2025 = LocalDate.of(2025, 7, 1);

	static final LocalDate LAST_DAY_BEFORE_REFORM = REFORM_2025.minusDays(1);

	private static final Logger log = LoggerFactory.getLogger(ReferenceDataImport.class);

	private static final Pattern PROVINCE_CODE = Pattern.compile("\\d{2}");

	private static final Pattern DISTRICT_CODE = Pattern.compile("\\d{3}");

	private static final Pattern COMMUNE_CODE = Pattern.compile("\\d{5}");

	private static final Pattern RESOLUTION = Pattern.compile("(\\d+/NQ-UBTVQH\\d+)");

	private static final Set<String> PROVINCE_TYPES = Set.of("thanh_pho_truc_thuoc_trung_uong", "tinh");

	private static final Set<String> DISTRICT_TYPES = Set.of("quan", "huyen", "thi_xa", "thanh_pho_thuoc_tinh");

	private static final Set<String> OLD_COMMUNE_TYPES = Set.of("phuong", "thi_tran", "xa");

	private static final Set<String> NEW_COMMUNE_TYPES = Set.of("phuong", "xa", "dac_khu");

	private static final Map<String, String> SUCCESSION_KINDS = Map.of("whole", "WHOLE", "partial", "PARTIAL",
			"unchanged", "UNCHANGED");

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final AdministrativeUnitRepository units;

	ReferenceDataImport(JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
			AdministrativeUnitRepository units) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.units = units;
	}

	/**
	 * Imports one file unless a file of that name was imported before.
	 * @return the number of rows imported, 0 when it had been imported already
	 */
	int importFile(ReferenceFile kind, String fileName, Resource resource) {
		byte[] content;
		try (InputStream in = resource.getInputStream()) {
			content = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new MalformedReferenceFile(fileName, 0, "cannot be read: " + ex.getMessage());
		}
		String sha256 = sha256(content);
		Integer imported = transactions.execute(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('reference_data_import'))").query().singleValue();
			var previous = jdbc.sql("SELECT sha256 FROM reference_data_import WHERE file_name = :name")
				.param("name", fileName)
				.query(String.class)
				.optional();
			if (previous.isPresent()) {
				if (!previous.get().equals(sha256)) {
					log.warn("Reference file {} changed since it was imported; the stored units are kept", fileName);
				}
				return 0;
			}
			List<CSVRecord> rows = parse(fileName, content);
			eachRow(fileName, rows, rowImporter(kind));
			if (kind == ReferenceFile.OLD_COMMUNES) {
				eachRow(fileName, rows, this::linkRetirement);
			}
			jdbc.sql("INSERT INTO reference_data_import (file_name, sha256, rows_imported, imported_at) "
					+ "VALUES (:name, :sha, :rows, :at)")
				.param("name", fileName)
				.param("sha", sha256)
				.param("rows", rows.size())
				.param("at", java.sql.Timestamp.from(Instant.now(clock)))
				.update();
			return rows.size();
		});
		if (imported != null && imported > 0) {
			units.forgetSubtrees();
			log.info("Imported {} rows of reference file {}", imported, fileName);
		}
		return imported == null ? 0 : imported;
	}

	private Consumer<CSVRecord> rowImporter(ReferenceFile kind) {
		return switch (kind) {
			case PROVINCES_2025 -> this::importProvince;
			case OLD_DISTRICTS -> this::importOldDistrict;
			case OLD_COMMUNES -> this::importOldCommune;
			case COMMUNES_2025 -> this::importCommune;
			case OLD_TO_NEW_2025 -> this::importSuccession;
		};
	}

	private void importProvince(CSVRecord row) {
		String code = required(row, "code", PROVINCE_CODE);
		String type = oneOf(row, "unit_type", PROVINCE_TYPES);
		insert(row, code, "PROVINCE", type, required(row, "unit_type_vi"), required(row, "name"),
				required(row, "full_name"), optional(row, "name_en"), null, null, REFORM_2025, null,
				optional(row, "note"));
	}

	private void importOldDistrict(CSVRecord row) {
		String provinceCode = required(row, "province_code", PROVINCE_CODE);
		LocalDate validTo = date(row, "valid_to");
		Long province = unitId("PROVINCE", provinceCode, validTo);
		if (province == null) {
			String provinceFullName = required(row, "province_full_name");
			boolean city = provinceFullName.startsWith("Thành phố ");
			String name = provinceFullName.replaceFirst("^(Thành phố|Tỉnh) ", "");
			province = insert(row, provinceCode, "PROVINCE", city ? "thanh_pho_truc_thuoc_trung_uong" : "tinh",
					city ? "Thành phố trực thuộc trung ương" : "Tỉnh", name, provinceFullName, null, null, null, null,
					LAST_DAY_BEFORE_REFORM, null);
		}
		insert(row, required(row, "code", DISTRICT_CODE), "DISTRICT", oneOf(row, "unit_type", DISTRICT_TYPES),
				required(row, "unit_type_vi"), required(row, "name"), required(row, "full_name"),
				optional(row, "name_en"), null, province, null, validTo, null);
	}

	private void importOldCommune(CSVRecord row) {
		LocalDate validTo = date(row, "valid_to");
		String districtCode = required(row, "district_code", DISTRICT_CODE);
		Long district = unitId("DISTRICT", districtCode, validTo);
		if (district == null) {
			throw new IllegalArgumentException("district " + districtCode + " is not known on " + validTo);
		}
		String code = required(row, "code", COMMUNE_CODE);
		insert(row, code, "COMMUNE", oneOf(row, "unit_type", OLD_COMMUNE_TYPES), required(row, "unit_type_vi"),
				required(row, "name"), required(row, "full_name"), optional(row, "name_en"), null, district, null,
				validTo, optional(row, "note"));
	}

	/**
	 * Links a unit retired in 2024 to the old unit that absorbed it; runs after all rows
	 * of the file.
	 */
	private void linkRetirement(CSVRecord row) {
		if (optional(row, "successor_code_2024") == null) {
			return;
		}
		String successorCode = required(row, "successor_code_2024", COMMUNE_CODE);
		LocalDate validTo = date(row, "valid_to");
		Long retired = unitId("COMMUNE", required(row, "code", COMMUNE_CODE), validTo);
		Long absorbing = unitId("COMMUNE", successorCode, validTo.plusDays(1));
		if (retired == null || absorbing == null) {
			throw new IllegalArgumentException(
					"successor_code_2024 " + successorCode + " is not known on " + validTo.plusDays(1));
		}
		insertSuccession(retired, absorbing, "WHOLE", validTo.plusDays(1), resolution(row));
	}

	private void eachRow(String fileName, List<CSVRecord> rows, Consumer<CSVRecord> importer) {
		for (CSVRecord row : rows) {
			try {
				importer.accept(row);
			}
			catch (MalformedReferenceFile ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				throw new MalformedReferenceFile(fileName, lineOf(row), describe(ex));
			}
		}
	}

	private void importCommune(CSVRecord row) {
		String provinceCode = required(row, "province_code", PROVINCE_CODE);
		Long province = unitId("PROVINCE", provinceCode, REFORM_2025);
		if (province == null) {
			throw new IllegalArgumentException("province " + provinceCode + " is not known on " + REFORM_2025);
		}
		insert(row, required(row, "code", COMMUNE_CODE), "COMMUNE", oneOf(row, "unit_type", NEW_COMMUNE_TYPES),
				required(row, "unit_type_vi"), required(row, "name"), required(row, "full_name"),
				optional(row, "name_en"), optional(row, "name_alt_spelling"), province, REFORM_2025, null, null);
	}

	private void importSuccession(CSVRecord row) {
		String oldCode = required(row, "old_code", COMMUNE_CODE);
		String newCode = required(row, "new_code", COMMUNE_CODE);
		String kind = SUCCESSION_KINDS.get(oneOf(row, "merge_type", SUCCESSION_KINDS.keySet()));
		Long predecessor = unitId("COMMUNE", oldCode, LAST_DAY_BEFORE_REFORM);
		Long successor = unitId("COMMUNE", newCode, REFORM_2025);
		if (predecessor == null) {
			throw new IllegalArgumentException("old commune " + oldCode + " is not known on " + LAST_DAY_BEFORE_REFORM);
		}
		if (successor == null) {
			throw new IllegalArgumentException("new commune " + newCode + " is not known on " + REFORM_2025);
		}
		insertSuccession(predecessor, successor, kind, REFORM_2025, optional(row, "resolution"));
	}

	private void insertSuccession(long predecessor, long successor, String kind, LocalDate effectiveOn,
			String legalBasis) {
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

	private List<CSVRecord> parse(String fileName, byte[] content) {
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		try (Reader reader = new InputStreamReader(new java.io.ByteArrayInputStream(content), StandardCharsets.UTF_8);
				CSVParser parser = CSVParser.parse(reader, format)) {
			List<CSVRecord> rows = parser.getRecords();
			for (CSVRecord row : rows) {
				if (!row.isConsistent()) {
					throw new MalformedReferenceFile(fileName, lineOf(row),
							"has " + row.size() + " fields where the header has " + parser.getHeaderNames().size());
				}
			}
			return rows;
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException ex) {
			throw new MalformedReferenceFile(fileName, 0, "is not valid CSV: " + ex.getMessage());
		}
	}

	private long insert(CSVRecord row, String code, String level, String type, String typeLabel, String name,
			String fullName, String nameEn, String altName, Long parent, LocalDate validFrom, LocalDate validTo,
			String note) {
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

	private Long unitId(String level, String code, LocalDate on) {
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

	private static String required(CSVRecord row, String column) {
		String value = optional(row, column);
		if (value == null) {
			throw new IllegalArgumentException("column " + column + " is empty");
		}
		if (value.length() > 200) {
			throw new IllegalArgumentException("column " + column + " is longer than 200 characters");
		}
		return value;
	}

	private static String required(CSVRecord row, String column, Pattern pattern) {
		String value = required(row, column);
		if (!pattern.matcher(value).matches()) {
			throw new IllegalArgumentException(
					"column " + column + " has '" + value + "', expected " + pattern.pattern());
		}
		return value;
	}

	private static String oneOf(CSVRecord row, String column, Set<String> allowed) {
		String value = required(row, column);
		if (!allowed.contains(value)) {
			throw new IllegalArgumentException("column " + column + " has unknown value '" + value + "'");
		}
		return value;
	}

	private static String optional(CSVRecord row, String column) {
		if (!row.isMapped(column)) {
			throw new IllegalArgumentException("the file has no column " + column);
		}
		String value = row.get(column);
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static LocalDate date(CSVRecord row, String column) {
		String value = required(row, column);
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("column " + column + " has '" + value + "', expected a date yyyy-MM-dd");
		}
	}

	private static String resolution(CSVRecord row) {
		String note = optional(row, "note");
		if (note == null) {
			return null;
		}
		Matcher m = RESOLUTION.matcher(note);
		return m.find() ? m.group(1) : null;
	}

	private static long lineOf(CSVRecord row) {
		return row.getRecordNumber() + 1;
	}

	private static String describe(RuntimeException ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getMessage();
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
