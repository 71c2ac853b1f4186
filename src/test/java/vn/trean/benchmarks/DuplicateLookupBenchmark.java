package vn.trean.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestUnits;
import vn.trean.children.ChildDetails;
import vn.trean.children.ChildRegistry;
import vn.trean.children.Sex;
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;

/**
 * Duplicate lookup latency with 1,000,000 children in the registry (target: p95 ≤ 20 ms).
 * The children get realistic Vietnamese family, middle and given names, birth dates of
 * children and Cần Thơ's real communes. Not part of the suite: run with
 * {@code ./mvnw test -Dgroups=benchmark -DexcludedGroups=none -Dtest=DuplicateLookupBenchmark}.
 * Results go to target/benchmarks/duplicate-lookup.md.
 */
@Tag("benchmark")
@IntegrationTest
class DuplicateLookupBenchmark {

	static final int CHILDREN = Integer.getInteger("benchmark.children", 1_000_000);

	static final int PROBES = 2_000;

	static final String[] FAMILY = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
			"Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Lâm", "Thạch", "Danh", "Châu", "Quách", "Tạ" };

	static final String[] MIDDLE_FEMALE = { "Thị", "Ngọc", "Thanh", "Thu", "Mỹ", "Kim", "Bảo", "Minh", "Khánh",
			"Phương", "Hồng", "Yến" };

	static final String[] MIDDLE_MALE = { "Văn", "Minh", "Thanh", "Hoàng", "Gia", "Quốc", "Đức", "Hữu", "Công", "Tấn",
			"Bảo", "Anh" };

	static final String[] GIVEN_FEMALE = { "An", "Anh", "Châu", "Chi", "Diễm", "Giang", "Hà", "Hân", "Hoa", "Hòa",
			"Hương", "Lan", "Linh", "Mai", "My", "Ngân", "Ngọc", "Nhi", "Nhung", "Phương", "Quỳnh", "Tâm", "Thảo",
			"Thủy", "Thư", "Trang", "Trinh", "Uyên", "Vân", "Vy", "Yến", "Hạnh", "Loan", "Oanh", "Tiên", "Trâm" };

	static final String[] GIVEN_MALE = { "An", "Bảo", "Bình", "Cường", "Danh", "Dũng", "Duy", "Đạt", "Hải", "Hiếu",
			"Hùng", "Huy", "Khang", "Khánh", "Khoa", "Lâm", "Long", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân",
			"Quang", "Sơn", "Tài", "Thắng", "Thịnh", "Tiến", "Trí", "Trung", "Tuấn", "Tú", "Việt", "Vinh", "Kiệt" };

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ChildRegistry registry;

	@Autowired
	Geography geography;

	@Autowired
	TestUnits testUnits;

	@Test
	void duplicateLookupWithAMillionChildren() throws IOException {
		List<Long> communes = geography.unitsUnder(testUnits.canTho(), geography.today())
			.stream()
			.map(AdministrativeUnit::id)
			.map(UnitId::value)
			.toList();
		long existing = jdbc.sql("SELECT count(*) FROM child").query(Long.class).single();
		long started = System.nanoTime();
		if (existing < CHILDREN) {
			generate(CHILDREN - (int) existing, communes);
		}
		double loadSeconds = (System.nanoTime() - started) / 1e9;
		vn.trean.TestDatabase.asOwner("ANALYZE child");
		long total = jdbc.sql("SELECT count(*) FROM child").query(Long.class).single();

		Set<UnitId> province = geography.unitsWithin(testUnits.canTho());
		Random random = new Random(42);
		for (int i = 0; i < 200; i++) {
			registry.likelyMatches(probe(random, communes), province, 5);
		}
		long[] nanos = new long[PROBES];
		int found = 0;
		for (int i = 0; i < PROBES; i++) {
			ChildDetails probe = probe(random, communes);
			long t0 = System.nanoTime();
			found += registry.likelyMatches(probe, province, 5).isEmpty() ? 0 : 1;
			nanos[i] = System.nanoTime() - t0;
		}
		Percentiles result = Percentiles.of(nanos);
		String report = """
				# Duplicate lookup benchmark

				- children in the registry: %d (generated in %.1f s)
				- probes: %d random children (realistic names, birth date, commune, parent), %d had candidates
				- machine: %d cores, Java %s, embedded PostgreSQL 14

				%s
				%s
				""".formatted(total, loadSeconds, PROBES, found, Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"), Percentiles.header(), result.row("ChildRegistry.likelyMatches"));
		Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(Path.of("target/benchmarks/duplicate-lookup.md"), report);
		System.out.println(report);
	}

	private ChildDetails probe(Random random, List<Long> communes) {
		boolean girl = random.nextBoolean();
		String name = name(random, girl);
		LocalDate born = LocalDate.of(2010 + random.nextInt(16), 1 + random.nextInt(12), 1 + random.nextInt(28));
		UnitId unit = new UnitId(communes.get(random.nextInt(communes.size())));
		return new ChildDetails(name, girl ? Sex.FEMALE : Sex.MALE, born, null, null, unit, null, null,
				name(random, random.nextBoolean()));
	}

	private static String name(Random random, boolean girl) {
		return FAMILY[random.nextInt(FAMILY.length)] + " "
				+ (girl ? MIDDLE_FEMALE : MIDDLE_MALE)[random.nextInt(MIDDLE_FEMALE.length)] + " "
				+ (girl ? GIVEN_FEMALE : GIVEN_MALE)[random.nextInt(GIVEN_FEMALE.length)];
	}

	/**
	 * Generates the children in the database itself, from the same name lists (set-based,
	 * fast).
	 */
	private void generate(int count, List<Long> communes) {
		String sql = """
				WITH names AS (
				  SELECT :family::text[] AS family, :mf::text[] AS mf, :mm::text[] AS mm, :gf::text[] AS gf,
				         :gm::text[] AS gm, :units::bigint[] AS units),
				raw AS (
				  SELECT g, random() < 0.5 AS girl, random() AS r1, random() AS r2, random() AS r3, random() AS r4,
				         random() AS r5, random() AS r6, random() AS r7, random() AS r8
				  FROM generate_series(1, :count) g),
				people AS (
				  SELECT raw.*, n.*,
				    n.family[1 + floor(r1 * array_length(n.family, 1))::int] || ' ' ||
				    CASE WHEN girl THEN n.mf[1 + floor(r2 * array_length(n.mf, 1))::int]
				         ELSE n.mm[1 + floor(r2 * array_length(n.mm, 1))::int] END || ' ' ||
				    CASE WHEN girl THEN n.gf[1 + floor(r3 * array_length(n.gf, 1))::int]
				         ELSE n.gm[1 + floor(r3 * array_length(n.gm, 1))::int] END AS full_name,
				    n.family[1 + floor(r6 * array_length(n.family, 1))::int] || ' Văn ' ||
				    n.gm[1 + floor(r7 * array_length(n.gm, 1))::int] AS parent_name,
				    DATE '2010-01-01' + floor(r4 * 5800)::int AS born
				  FROM raw, names n)
				INSERT INTO child (full_name, name_key, given_key, sex, birth_date, birth_date_approximate, birth_year,
				  residence_unit_id, parent_name, parent_key, demo, created_at)
				SELECT full_name, fold(full_name), split_part(fold(full_name), ' ', 3), CASE WHEN girl THEN 'FEMALE' ELSE 'MALE' END,
				  born, false, extract(year FROM born)::int, units[1 + floor(r5 * array_length(units, 1))::int],
				  parent_name, fold(parent_name), true, now()
				FROM people""";
		jdbc.sql(
				"""
						CREATE OR REPLACE FUNCTION fold(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
						  SELECT lower(translate(t,
						    'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ',
						    'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydAAAAAAAAAAAAAAAAAEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYYD'))
						$$""")
			.update();
		int batch = 100_000;
		for (int done = 0; done < count; done += batch) {
			jdbc.sql(sql)
				.param("family", FAMILY)
				.param("mf", MIDDLE_FEMALE)
				.param("mm", MIDDLE_MALE)
				.param("gf", GIVEN_FEMALE)
				.param("gm", GIVEN_MALE)
				.param("units", communes.toArray(Long[]::new))
				.param("count", Math.min(batch, count - done))
				.update();
		}
		jdbc.sql("DROP FUNCTION fold(text)").update();
	}

}
