package vn.trean.geography;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;

import static vn.trean.geography.ReferenceCsv.date;
import static vn.trean.geography.ReferenceCsv.oneOf;
import static vn.trean.geography.ReferenceCsv.optional;
import static vn.trean.geography.ReferenceCsv.required;
import static vn.trean.geography.ReferenceCsv.resolution;

/**
 * What a row of each reference file adds: a province, an old district (with its old
 * province when the file names one not yet known), an old or a current commune, or a
 * succession between communes, each found by code on the day the row speaks of. A row
 * that breaks a rule throws an {@link IllegalArgumentException} saying which.
 */
final class ReferenceFileRows {

	static final LocalDate REFORM_2025 = LocalDate.of(2025, 7, 1);

	static final LocalDate LAST_DAY_BEFORE_REFORM = REFORM_2025.minusDays(1);

	private static final Pattern PROVINCE_CODE = Pattern.compile("\\d{2}");

	private static final Pattern DISTRICT_CODE = Pattern.compile("\\d{3}");

	private static final Pattern COMMUNE_CODE = Pattern.compile("\\d{5}");

	private static final Set<String> PROVINCE_TYPES = Set.of("thanh_pho_truc_thuoc_trung_uong", "tinh");

	private static final Set<String> DISTRICT_TYPES = Set.of("quan", "huyen", "thi_xa", "thanh_pho_thuoc_tinh");

	private static final Set<String> OLD_COMMUNE_TYPES = Set.of("phuong", "thi_tran", "xa");

	private static final Set<String> NEW_COMMUNE_TYPES = Set.of("phuong", "xa", "dac_khu");

	private static final Map<String, String> SUCCESSION_KINDS = Map.of("whole", "WHOLE", "partial", "PARTIAL",
			"unchanged", "UNCHANGED");

	private final ReferenceImportRows rows;

	ReferenceFileRows(ReferenceImportRows rows) {
		this.rows = rows;
	}

	/** What each row of a file of that kind adds. */
	Consumer<CSVRecord> importer(ReferenceDataImport.ReferenceFile kind) {
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
		rows.insert(code, "PROVINCE", type, required(row, "unit_type_vi"), required(row, "name"),
				required(row, "full_name"), optional(row, "name_en"), null, null, REFORM_2025, null,
				optional(row, "note"));
	}

	private void importOldDistrict(CSVRecord row) {
		String provinceCode = required(row, "province_code", PROVINCE_CODE);
		LocalDate validTo = date(row, "valid_to");
		Long province = rows.unitId("PROVINCE", provinceCode, validTo);
		if (province == null) {
			String provinceFullName = required(row, "province_full_name");
			boolean city = provinceFullName.startsWith("Thành phố ");
			String name = provinceFullName.replaceFirst("^(Thành phố|Tỉnh) ", "");
			province = rows.insert(provinceCode, "PROVINCE", city ? "thanh_pho_truc_thuoc_trung_uong" : "tinh",
					city ? "Thành phố trực thuộc trung ương" : "Tỉnh", name, provinceFullName, null, null, null, null,
					LAST_DAY_BEFORE_REFORM, null);
		}
		rows.insert(required(row, "code", DISTRICT_CODE), "DISTRICT", oneOf(row, "unit_type", DISTRICT_TYPES),
				required(row, "unit_type_vi"), required(row, "name"), required(row, "full_name"),
				optional(row, "name_en"), null, province, null, validTo, null);
	}

	private void importOldCommune(CSVRecord row) {
		LocalDate validTo = date(row, "valid_to");
		String districtCode = required(row, "district_code", DISTRICT_CODE);
		Long district = rows.unitId("DISTRICT", districtCode, validTo);
		if (district == null) {
			throw new IllegalArgumentException("district " + districtCode + " is not known on " + validTo);
		}
		String code = required(row, "code", COMMUNE_CODE);
		rows.insert(code, "COMMUNE", oneOf(row, "unit_type", OLD_COMMUNE_TYPES), required(row, "unit_type_vi"),
				required(row, "name"), required(row, "full_name"), optional(row, "name_en"), null, district, null,
				validTo, optional(row, "note"));
	}

	/**
	 * Links a unit retired in 2024 to the old unit that absorbed it; runs after all rows
	 * of the file.
	 */
	void linkRetirement(CSVRecord row) {
		if (optional(row, "successor_code_2024") == null) {
			return;
		}
		String successorCode = required(row, "successor_code_2024", COMMUNE_CODE);
		LocalDate validTo = date(row, "valid_to");
		Long retired = rows.unitId("COMMUNE", required(row, "code", COMMUNE_CODE), validTo);
		Long absorbing = rows.unitId("COMMUNE", successorCode, validTo.plusDays(1));
		if (retired == null || absorbing == null) {
			throw new IllegalArgumentException(
					"successor_code_2024 " + successorCode + " is not known on " + validTo.plusDays(1));
		}
		rows.insertSuccession(retired, absorbing, "WHOLE", validTo.plusDays(1), resolution(row));
	}

	private void importCommune(CSVRecord row) {
		String provinceCode = required(row, "province_code", PROVINCE_CODE);
		Long province = rows.unitId("PROVINCE", provinceCode, REFORM_2025);
		if (province == null) {
			throw new IllegalArgumentException("province " + provinceCode + " is not known on " + REFORM_2025);
		}
		rows.insert(required(row, "code", COMMUNE_CODE), "COMMUNE", oneOf(row, "unit_type", NEW_COMMUNE_TYPES),
				required(row, "unit_type_vi"), required(row, "name"), required(row, "full_name"),
				optional(row, "name_en"), optional(row, "name_alt_spelling"), province, REFORM_2025, null, null);
	}

	private void importSuccession(CSVRecord row) {
		String oldCode = required(row, "old_code", COMMUNE_CODE);
		String newCode = required(row, "new_code", COMMUNE_CODE);
		String kind = SUCCESSION_KINDS.get(oneOf(row, "merge_type", SUCCESSION_KINDS.keySet()));
		Long predecessor = rows.unitId("COMMUNE", oldCode, LAST_DAY_BEFORE_REFORM);
		Long successor = rows.unitId("COMMUNE", newCode, REFORM_2025);
		if (predecessor == null) {
			throw new IllegalArgumentException("old commune " + oldCode + " is not known on " + LAST_DAY_BEFORE_REFORM);
		}
		if (successor == null) {
			throw new IllegalArgumentException("new commune " + newCode + " is not known on " + REFORM_2025);
		}
		rows.insertSuccession(predecessor, successor, kind, REFORM_2025, optional(row, "resolution"));
	}

}
