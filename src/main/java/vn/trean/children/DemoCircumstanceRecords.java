package vn.trean.children;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.trean.identity.Actor;
import vn.trean.shared.AgencyId;

/**
 * How the demo loader gives demo children special circumstances and supports: through the
 * same rules, access and events as an officer's form, the records flagged {@code demo}.
 */
@Component
public class DemoCircumstanceRecords {

	private final CircumstanceRecords records;

	DemoCircumstanceRecords(CircumstanceRecords records) {
		this.records = records;
	}

	/** A demo entry recorded by the officer; the id of the entry. */
	public long entry(Actor officer, ChildReference child, SpecialCircumstance group, LocalDate startedOn,
			@Nullable LocalDate endedOn, String evidence) {
		return records.record(officer, child, new EntryTerms(group, startedOn, endedOn, evidence), true);
	}

	/** A demo support recorded by the officer; the id of the support. */
	public long support(Actor officer, ChildReference child, SupportKind kind, LocalDate from, @Nullable LocalDate to,
			@Nullable AgencyId agency, @Nullable String provider) {
		return records.recordSupport(officer, child, new SupportTerms(kind, from, to, agency, provider), true);
	}

}
