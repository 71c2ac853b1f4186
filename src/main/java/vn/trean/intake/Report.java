package vn.trean.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import vn.trean.children.ChildId;
import vn.trean.children.Sex;
import vn.trean.geography.UnitId;

/** A recorded report of abuse (Mẫu 01), as stored. */
record Report(ReportId id, String referenceCode, Instant receivedAt, Channel channel, Long receivedBy,
		Long receivingAgency, Long apiToken, Reporter reporter, List<ReportedChild> children, ContactType contactType,
		Set<HarmForm> harmForms, Setting setting, Relation perpetratorRelation, boolean perpetratorLivesWithChild,
		boolean perpetratorCanReachChild, UnitId place, String account, Set<DangerSign> dangerSigns, Urgency urgency,
		Instant emergencyDecisionDue, UnitId routedTo, boolean transferOut, ReportStatus status) {

	/** Who reported; confidential (docs/domain.md §4). */
	record Reporter(boolean anonymous, String name, String phone, Relation relation, boolean wantsFeedback) {
	}

	/** A child as the report names them, linked to the registry. */
	record ReportedChild(ChildId childId, String fullName, Sex sex, LocalDate birthDate, Integer approximateAge,
			String personalId, UnitId residence, String addressDetail, String school, String parentName) {
	}

	Report withChildren(List<ReportedChild> children) {
		return new Report(id, referenceCode, receivedAt, channel, receivedBy, receivingAgency, apiToken, reporter,
				List.copyOf(children), contactType, harmForms, setting, perpetratorRelation, perpetratorLivesWithChild,
				perpetratorCanReachChild, place, account, dangerSigns, urgency, emergencyDecisionDue, routedTo,
				transferOut, status);
	}

}
