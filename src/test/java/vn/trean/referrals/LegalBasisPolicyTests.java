package vn.trean.referrals;

import org.junit.jupiter.api.Test;

import vn.trean.children.ChildId;

import static org.assertj.core.api.Assertions.assertThat;

class LegalBasisPolicyTests {

	@Test
	void everyBasisNeedsANote() {
		assertThat(LegalBasisPolicy.check(basis(LegalBasis.LIFE_OR_HEALTH_EMERGENCY, null, null, null, " "))
			.errors()
			.asMap()).containsEntry("note", "basis.note-required");
		assertThat(LegalBasisPolicy.check(basis(LegalBasis.DUTY_TO_REPORT_CRIME, null, null, null, "Bạo lực tình dục"))
			.allowed()).isTrue();
	}

	@Test
	void aRequestOfAnAuthorityNamesTheBodyAndItsReference() {
		assertThat(LegalBasisPolicy.check(basis(LegalBasis.AUTHORITY_REQUEST, null, null, null, "Yêu cầu"))
			.errors()
			.asMap()).containsEntry("requestingBody", "basis.requester-required")
			.containsEntry("requestReference", "basis.requester-required");
		assertThat(LegalBasisPolicy
			.check(basis(LegalBasis.AUTHORITY_REQUEST, "Công an quận Ninh Kiều", "12/CV-CAQ", null, "Yêu cầu"))
			.allowed()).isTrue();
	}

	@Test
	void anotherBasisInLawGivesTheLawsReference() {
		assertThat(LegalBasisPolicy.check(basis(LegalBasis.OTHER_LAW, null, null, null, "Theo luật")).errors().asMap())
			.containsEntry("lawReference", "basis.reference-required");
		assertThat(LegalBasisPolicy
			.check(basis(LegalBasis.OTHER_LAW, null, null, "Điều 17 Luật Bảo vệ dữ liệu cá nhân", "Theo luật"))
			.allowed()).isTrue();
	}

	private static BasisDraft basis(LegalBasis basis, String body, String reference, String law, String note) {
		return new BasisDraft(new ChildId(1), SharingPurpose.INVESTIGATION, basis, body, reference, law, note);
	}

}
