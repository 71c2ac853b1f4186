package vn.trean.referrals;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.trean.cases.DeadlineRules;
import vn.trean.directory.Sector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The catalogue's and the field sets' answers, as the pages and the referral read them.
 */
class CatalogueAndFieldSetsTests {

	private static final DeadlineRules.Rule TWO_DAYS = new DeadlineRules.Rule(2, DeadlineRules.Unit.WORKING_DAYS,
			false);

	@Test
	void offersOnlyActiveServicesOfTheSectorInCatalogueOrder() {
		Map<ReferralService, ServiceRule> services = new LinkedHashMap<>();
		services.put(ReferralService.SCHOOL_SUPPORT, rule(ReferralService.SCHOOL_SUPPORT, true, Sector.SCHOOL));
		services.put(ReferralService.PSYCHOLOGICAL_COUNSELLING,
				rule(ReferralService.PSYCHOLOGICAL_COUNSELLING, false, Sector.SCHOOL, Sector.HEALTH_FACILITY));
		services.put(ReferralService.OTHER, rule(ReferralService.OTHER, true, Sector.POLICE, Sector.SCHOOL));
		services.put(ReferralService.ALTERNATIVE_CARE, rule(ReferralService.ALTERNATIVE_CARE, true, Sector.SCHOOL));
		Catalogue catalogue = new Catalogue(services, new DeadlineRules.Rule(24, DeadlineRules.Unit.HOURS, true));

		assertThat(catalogue.offeredBy(Sector.SCHOOL)).containsExactly(ReferralService.SCHOOL_SUPPORT,
				ReferralService.OTHER, ReferralService.ALTERNATIVE_CARE);
		assertThat(catalogue.offeredBy(Sector.HEALTH_FACILITY)).isEmpty();
		assertThat(catalogue.offers(Sector.POLICE, ReferralService.OTHER)).isTrue();
		assertThat(catalogue.offers(Sector.POLICE, ReferralService.SCHOOL_SUPPORT)).isFalse();
		assertThat(catalogue.offers(Sector.SCHOOL, ReferralService.PSYCHOLOGICAL_COUNSELLING)).as("inactive").isFalse();
		assertThat(catalogue.offers(Sector.POLICE, ReferralService.CRIME_INVESTIGATION)).as("not in the catalogue")
			.isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> catalogue.of(ReferralService.CRIME_INVESTIGATION));
	}

	@Test
	void aSectorWithoutASetSeesNothingAndASetIsACopyInDisplayOrder() {
		FieldSets sets = new FieldSets(
				Map.of(Sector.SCHOOL, Set.of(ShareField.CHILD_CLASS, ShareField.CHILD_NAME, ShareField.CHILD_SCHOOL)),
				Set.of(Sector.POLICE));

		assertThat(sets.of(Sector.SCHOOL)).containsExactly(ShareField.CHILD_NAME, ShareField.CHILD_SCHOOL,
				ShareField.CHILD_CLASS);
		assertThat(sets.of(Sector.COURT)).isEmpty();
		assertThat(sets.of(Sector.COURT)).isInstanceOf(EnumSet.class);
		sets.of(Sector.SCHOOL).add(ShareField.ACCOUNT);
		assertThat(sets.of(Sector.SCHOOL)).doesNotContain(ShareField.ACCOUNT);
		assertThat(sets.reporterAllowed(Sector.POLICE)).isTrue();
		assertThat(sets.reporterAllowed(Sector.SCHOOL)).isFalse();
	}

	@Test
	void theReporterIsNeverAFieldOfASet() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FieldSets(
				Map.of(Sector.POLICE, Set.of(ShareField.ACCOUNT, ShareField.REPORTER_IDENTITY)), Set.of()));
	}

	@Test
	void aFieldSetIsRefusedWithoutFieldsWithTheReporterOrForASectorThatSendsReferrals() {
		assertThat(ReferralSettings.checkFieldSet(Sector.SCHOOL, EnumSet.of(ShareField.CHILD_NAME)).hasErrors())
			.isFalse();
		assertThat(ReferralSettings.checkFieldSet(Sector.SCHOOL, EnumSet.noneOf(ShareField.class)).get("fields"))
			.isEqualTo("referral.settings.fields-required");
		assertThat(
				ReferralSettings.checkFieldSet(Sector.POLICE, EnumSet.of(ShareField.REPORTER_IDENTITY)).get("fields"))
			.isEqualTo("referral.settings.reporter-not-a-field");
		assertThat(ReferralSettings.checkFieldSet(Sector.HOTLINE, EnumSet.of(ShareField.CHILD_NAME)).get("sector"))
			.isEqualTo("referral.settings.sector-not-receiving");
	}

	private static ServiceRule rule(ReferralService service, boolean active, Sector... sectors) {
		return new ServiceRule(service, SharingPurpose.OTHER, Set.of(sectors), TWO_DAYS, TWO_DAYS, active);
	}

}
