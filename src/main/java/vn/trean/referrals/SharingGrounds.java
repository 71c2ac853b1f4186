package vn.trean.referrals;

import java.time.LocalDate;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.cases.CaseId;
import vn.trean.children.ChildId;

/**
 * The grounds for sharing a child's information in a case for a purpose: a consent in
 * force or a legal basis not ended.
 */
@Service
@Transactional
public class SharingGrounds {

	/** A ground in force: exactly one of the ids is set. */
	public record Ground(@Nullable Long consentId, @Nullable Long basisId, String summaryKey) {
	}

	private final JdbcClient jdbc;

	SharingGrounds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The ground in force for sharing this child's information for the purpose. */
	@Transactional(readOnly = true)
	public Optional<Ground> inForce(CaseId caseId, ChildId child, SharingPurpose purpose, LocalDate day) {
		Optional<Ground> basis = jdbc.sql("""
				SELECT id, basis FROM referral_legal_basis
				WHERE case_id = :case AND child_id = :child AND purpose = :purpose AND ended_at IS NULL
				ORDER BY recorded_at DESC LIMIT 1""")
			.param("case", caseId.value())
			.param("child", child.value())
			.param("purpose", purpose.name())
			.query((rs, n) -> new Ground(null, rs.getLong(1), "referral.basis." + rs.getString(2)))
			.optional();
		if (basis.isPresent()) {
			return basis;
		}
		return jdbc.sql("""
				SELECT c.id FROM referral_consent c
				WHERE c.case_id = :case AND c.child_id = :child AND c.purpose = :purpose AND c.withdrawn_at IS NULL
				  AND (EXISTS (SELECT 1 FROM consent_giver g WHERE g.consent_id = c.id AND g.role = 'CHILD')
				    OR c.child_age_on_day + (:day - c.recorded_at::date) / 366 < 7)""")
			.param("case", caseId.value())
			.param("child", child.value())
			.param("purpose", purpose.name())
			.param("day", day)
			.query((rs, n) -> new Ground(rs.getLong(1), null, "referral.ground.consent"))
			.optional();
	}

}
