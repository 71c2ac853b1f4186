package vn.trean.statistics;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.cases.CaseFacts;
import vn.trean.cases.CaseId;
import vn.trean.cases.CaseStatisticsFacts;
import vn.trean.children.ChildId;
import vn.trean.children.CircumstanceFacts;
import vn.trean.children.SpecialCircumstances;
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.intake.ReportId;
import vn.trean.intake.ReportStatisticsFacts;
import vn.trean.referrals.ReferralId;
import vn.trean.referrals.ReferralStatisticsFacts;

/**
 * Brings the read model's rows of some source records up to date: it reads their facts
 * from the module that owns them and replaces the rows (re-derived whole, never added
 * to), in one transaction per call. The listeners call it for the record an event names;
 * the rebuild calls it for every record, a batch at a time.
 */
@Component
class StatisticsReadModel {

	private final CaseStatisticsFacts cases;

	private final ReportStatisticsFacts reports;

	private final ReferralStatisticsFacts referrals;

	private final ReadModelWriter writer;

	private final SpecialCircumstances circumstances;

	private final Geography geography;

	StatisticsReadModel(CaseStatisticsFacts cases, ReportStatisticsFacts reports, ReferralStatisticsFacts referrals,
			SpecialCircumstances circumstances, ReadModelWriter writer, Geography geography) {
		this.cases = cases;
		this.reports = reports;
		this.referrals = referrals;
		this.circumstances = circumstances;
		this.writer = writer;
		this.geography = geography;
	}

	/**
	 * The groups and supports recorded on the children's records (source RECORD); those
	 * their cases put them in stay with the cases' rows.
	 */
	@Transactional
	public void children(Collection<ChildId> ids) {
		if (ids.isEmpty()) {
			return;
		}
		writer.lock("stat-child:", ids.stream().map(id -> Long.toString(id.value())).toList());
		Long[] keys = ids.stream().map(ChildId::value).toArray(Long[]::new);
		writer.deleteRecorded("stat_circumstance", keys);
		writer.deleteRecorded("stat_support", keys);
		List<CircumstanceFacts> facts = circumstances.factsOf(ids);
		writer.insert("""
				INSERT INTO stat_circumstance (child_id, grp, source, source_id, unit_id, started_on, ended_on)
				VALUES (:child, :group, 'RECORD', :id, :unit, :from, :to)""", facts,
				f -> f.groups()
					.stream()
					.map(g -> new MapSqlParameterSource().addValue("child", f.child().value())
						.addValue("group", g.group().name())
						.addValue("id", Long.toString(g.entryId()))
						.addValue("unit", g.unit().value())
						.addValue("from", g.startedOn())
						.addValue("to", g.endedOn()))
					.toList());
		writer.insert("""
				INSERT INTO stat_support (child_id, source, source_id, kind, unit_id, started_on, ended_on)
				VALUES (:child, 'RECORD', :id, :kind, :unit, :from, :to)""", facts,
				f -> f.supports()
					.stream()
					.map(s -> new MapSqlParameterSource().addValue("child", f.child().value())
						.addValue("id", Long.toString(s.supportId()))
						.addValue("kind", s.kind().name())
						.addValue("unit", s.unit().value())
						.addValue("from", s.from())
						.addValue("to", s.to()))
					.toList());
	}

	/**
	 * The cases' rows, and their referrals' (which follow a case moved to another
	 * commune).
	 */
	@Transactional
	public void cases(Collection<CaseId> ids) {
		List<CaseFacts> facts = cases.of(ids);
		writer.cases(ids, facts);
		referrals(referrals.ofCases(ids));
	}

	/** The reports' rows. */
	@Transactional
	public void reports(Collection<ReportId> ids) {
		writer.lock("stat-report:", ids.stream().map(id -> id.value().toString()).toList());
		writer.delete("stat_report", "report_id", ids.stream().map(ReportId::value).toArray(UUID[]::new));
		writer.insert("""
				INSERT INTO stat_report (report_id, unit_id, received_at, channel, contact_type, routed_to_commune,
				  in_case, demo)
				VALUES (:id, :unit, :received, :channel, :contact, :commune, :inCase, :demo)""", reports.of(ids),
				r -> List.of(ReadModelWriter.params(java.util.Map.of("id", r.id().value(), "unit", r.routedTo().value(),
						"received", ReadModelWriter.at(r.receivedAt()), "channel", r.channel().name(), "contact",
						r.contactType().name(), "commune", !r.transferOut() && commune(r.routedTo()), "inCase",
						r.inCase(), "demo", r.demo()))));
	}

	/** The referrals' rows; a referral still a draft has none. */
	@Transactional
	public void referrals(Collection<ReferralId> ids) {
		if (ids.isEmpty()) {
			return;
		}
		writer.lock("stat-referral:", ids.stream().map(id -> id.value().toString()).toList());
		writer.delete("stat_referral", "referral_id", ids.stream().map(ReferralId::value).toArray(UUID[]::new));
		writer.insert("""
				INSERT INTO stat_referral (referral_id, case_id, unit_id, sector, status, sent_at, answered_at,
				  completed_at, demo)
				VALUES (:id, :case, :unit, :sector, :status, :sent, :answered, :completed, :demo)""", referrals.of(ids),
				r -> List.of(new MapSqlParameterSource().addValue("id", r.id().value())
					.addValue("case", r.caseId().value())
					.addValue("unit", r.unit().value())
					.addValue("sector", r.sector())
					.addValue("status", r.status().name())
					.addValue("sent", ReadModelWriter.at(r.sentAt()))
					.addValue("answered", ReadModelWriter.at(r.answeredAt()))
					.addValue("completed", ReadModelWriter.at(r.completedAt()))
					.addValue("demo", r.demo())));
	}

	private boolean commune(vn.trean.geography.UnitId unit) {
		return geography.find(unit).map(u -> u.level() == AdministrativeUnit.Level.COMMUNE).orElse(false);
	}

}
