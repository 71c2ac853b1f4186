package vn.trean.geography;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class ReferenceDataImportIntegrationTests {

	private static final String HEADER = "code,name,full_name,unit_type,unit_type_vi,name_en,full_name_en,code_name,"
			+ "full_name_2025_07_01,note\n";

	@Autowired
	ReferenceDataImport imports;

	@Autowired
	JdbcClient jdbc;

	private long unitsCoded(String code) {
		return jdbc.sql("SELECT count(*) FROM administrative_unit WHERE code = :code")
			.param("code", code)
			.query(Long.class)
			.single();
	}

	private static ByteArrayResource csv(String body) {
		return new ByteArrayResource((HEADER + body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@Test
	void rejectsAMalformedRowNamingFileAndLineAndImportsNothingOfThatFile() {
		String body = "97,Thử Nghiệm,Tỉnh Thử Nghiệm,tinh,Tỉnh,Test,Test Province,thu_nghiem,Tỉnh Thử Nghiệm,\n"
				+ "9X,Sai Mã,Tỉnh Sai Mã,tinh,Tỉnh,Bad,Bad Province,sai_ma,Tỉnh Sai Mã,\n";
		assertThatThrownBy(() -> imports.importFile(ReferenceDataImport.ReferenceFile.PROVINCES_2025,
				"bad-provinces.csv", csv(body)))
			.isInstanceOf(MalformedReferenceFile.class)
			.hasMessageContaining("bad-provinces.csv, line 3")
			.hasMessageContaining("code");
		assertThat(unitsCoded("97")).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM reference_data_import WHERE file_name = 'bad-provinces.csv'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void rejectsARowWithTheWrongNumberOfFields() {
		String body = "99,Thử,Tỉnh Thử,tinh,Tỉnh,T,T Province,thu,Tỉnh Thử,\n99,only,three\n";
		assertThatThrownBy(
				() -> imports.importFile(ReferenceDataImport.ReferenceFile.PROVINCES_2025, "short-row.csv", csv(body)))
			.isInstanceOf(MalformedReferenceFile.class)
			.hasMessageContaining("short-row.csv, line 3");
		assertThat(unitsCoded("99")).isZero();
	}

	@Test
	void rejectsAnUnknownUnitType() {
		String body = "97,Thử,Tỉnh Thử,vuong_quoc,Vương quốc,T,T,thu,Tỉnh Thử,\n";
		assertThatThrownBy(
				() -> imports.importFile(ReferenceDataImport.ReferenceFile.PROVINCES_2025, "bad-type.csv", csv(body)))
			.hasMessageContaining("bad-type.csv, line 2")
			.hasMessageContaining("unit_type");
		assertThat(unitsCoded("97")).isZero();
	}

	@Test
	void importsEachFileOnlyOnce() {
		assertThat(imports.importFile(ReferenceDataImport.ReferenceFile.PROVINCES_2025, "provinces_2025.csv",
				new org.springframework.core.io.ClassPathResource("admin-units/provinces_2025.csv")))
			.isZero();
		assertThat(jdbc.sql("SELECT rows_imported FROM reference_data_import WHERE file_name = 'provinces_2025.csv'")
			.query(Integer.class)
			.single()).isEqualTo(34);
		assertThat(unitsCoded("01")).isEqualTo(1);
	}

	@Test
	@org.springframework.transaction.annotation.Transactional // rolled back: other tests
																// count the provinces
	void importsAWellFormedFileWhole() {
		String body = "98,Thử Nghiệm,Tỉnh Thử Nghiệm,tinh,Tỉnh,Test,Test Province,thu_nghiem,Tỉnh Thử Nghiệm,\n";
		assertThat(
				imports.importFile(ReferenceDataImport.ReferenceFile.PROVINCES_2025, "good-provinces.csv", csv(body)))
			.isEqualTo(1);
		assertThat(unitsCoded("98")).isEqualTo(1);
	}

}
