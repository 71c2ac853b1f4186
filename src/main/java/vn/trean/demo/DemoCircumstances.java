package vn.trean.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import vn.trean.children.ChildDetails;
import vn.trean.children.ChildReference;
import vn.trean.children.ChildRegistry;
import vn.trean.children.DemoCircumstanceRecords;
import vn.trean.children.Sex;
import vn.trean.children.SpecialCircumstance;
import vn.trean.children.SupportKind;
import vn.trean.geography.UnitId;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.shared.AgencyId;

/**
 * The demo's children in special circumstances, so the children's pages and the
 * statistics are not empty on first sight: the girl of Cái Khế's demo case, and three
 * more children of Cái Khế, each with a group of the Law and the supports she or he is
 * given, one of them ended. Dates count back from today, so every child stays under 16.
 */
@Component
@Profile("demo")
class DemoCircumstances {

	private final ChildRegistry registry;

	private final DemoCircumstanceRecords records;

	DemoCircumstances(ChildRegistry registry, DemoCircumstanceRecords records) {
		this.registry = registry;
		this.records = records;
	}

	/** The agencies the demo supports are given by. */
	record Givers(AgencyId committee, AgencyId health, AgencyId school) {
	}

	void load(CurrentUser officerUser, UnitId caiKhe, LocalDate today, Givers by) {
		Actor officer = Actor.of(officerUser, "127.0.0.1");
		registry.searchByName("[DEMO] Trần Thị Mai", Set.of(caiKhe), 1).stream().findFirst().ifPresent(mai -> {
			records.entry(officer, mai.reference(), SpecialCircumstance.SEXUALLY_ABUSED, today.minusDays(1), null,
					"[DEMO] Dữ liệu minh họa: kết quả xác minh của vụ việc.");
			records.support(officer, mai.reference(), SupportKind.HEALTHCARE, today, null, by.health(), null);
		});
		ChildReference an = child("[DEMO] Nguyễn Văn An", Sex.MALE, today.minusYears(12).minusDays(40), caiKhe);
		records.entry(officer, an, SpecialCircumstance.ORPHANED_BOTH_PARENTS, today.minusYears(2), null,
				"[DEMO] Giấy chứng tử của cha và mẹ.");
		records.support(officer, an, SupportKind.SOCIAL_ASSISTANCE, today.minusYears(2).plusMonths(1), null,
				by.committee(), null);
		records.support(officer, an, SupportKind.ALTERNATIVE_CARE, today.minusYears(2), null, null,
				"[DEMO] Ông bà nội nhận chăm sóc thay thế");
		ChildReference binh = child("[DEMO] Lý Thị Bình", Sex.FEMALE, today.minusYears(9).minusDays(100), caiKhe);
		records.entry(officer, binh, SpecialCircumstance.DISABILITY, today.minusYears(6), null,
				"[DEMO] Giấy xác nhận khuyết tật mức độ nặng.");
		records.support(officer, binh, SupportKind.EDUCATION, today.minusYears(3), null, by.school(), null);
		ChildReference chau = child("[DEMO] Võ Minh Châu", Sex.MALE, today.minusYears(14).minusDays(200), caiKhe);
		records.entry(officer, chau, SpecialCircumstance.DROPPED_OUT_TO_EARN_LIVING, today.minusYears(1),
				today.minusMonths(3), "[DEMO] Em đã trở lại trường sau khi gia đình được hỗ trợ.");
		for (SupportKind kind : List.of(SupportKind.FAMILY_SUPPORT, SupportKind.EDUCATION)) {
			records.support(officer, chau, kind, today.minusMonths(9), today.minusMonths(3), by.committee(), null);
		}
	}

	private ChildReference child(String name, Sex sex, LocalDate born, UnitId commune) {
		var id = registry.register(new ChildDetails(name, sex, born, null, null, commune, null, null, null), true);
		return registry.find(id).orElseThrow().reference();
	}

}
