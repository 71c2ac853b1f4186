package vn.trean.cases;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import vn.trean.identity.CurrentUser;

/**
 * The referrals of the cases a test names, in place of the module that sends referrals:
 * for a case the test gave referrals, the open ones and the lines of the case page; for
 * any other, what the module's own implementation answers (nothing without one), so a
 * test of this context sees nothing it did not ask for.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestCaseReferrals {

	@Bean
	@Primary
	Given givenCaseReferrals(ObjectProvider<CaseReferrals> all) {
		return new Given(all);
	}

	/** The referrals tests give cases. */
	public static class Given implements CaseReferrals {

		private record Referrals(Supplier<List<OpenReferral>> open, List<ReferralLine> lines) {
		}

		private final ObjectProvider<CaseReferrals> all;

		private final Map<CaseId, Referrals> given = new ConcurrentHashMap<>();

		Given(ObjectProvider<CaseReferrals> all) {
			this.all = all;
		}

		/** From now on, the case has these referrals, whoever looks. */
		public void give(CaseId id, List<OpenReferral> open, List<ReferralLine> lines) {
			List<OpenReferral> fixed = List.copyOf(open);
			given.put(id, new Referrals(() -> fixed, List.copyOf(lines)));
		}

		/**
		 * From now on, the case's open referrals are what the supplier reads when asked
		 * (from the database, to see what has committed), and it lists none.
		 */
		public void giveAsRead(CaseId id, Supplier<List<OpenReferral>> open) {
			given.put(id, new Referrals(open, List.of()));
		}

		@Override
		public List<OpenReferral> openOn(CaseId id) {
			Referrals referrals = given.get(id);
			if (referrals != null) {
				return referrals.open().get();
			}
			return others().stream().flatMap(r -> r.openOn(id).stream()).toList();
		}

		@Override
		public List<ReferralLine> listedOn(CurrentUser viewer, CaseId id) {
			Referrals referrals = given.get(id);
			if (referrals != null) {
				return referrals.lines();
			}
			return others().stream().flatMap(r -> r.listedOn(viewer, id).stream()).toList();
		}

		private List<CaseReferrals> others() {
			return all.orderedStream().filter(r -> r != this).toList();
		}

	}

}
