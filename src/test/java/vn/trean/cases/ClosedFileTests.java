package vn.trean.cases;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.trean.geography.UnitId;
import vn.trean.intake.Urgency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A closed file is kept as it was closed: no note, file or service is added to it until
 * it is reopened, and the page offers none of them.
 */
class ClosedFileTests {

	private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

	private static final ProtectionCase.Actor OFFICER = new ProtectionCase.Actor(1, "Cán bộ");

	@ParameterizedTest
	@EnumSource(value = ProtectionCase.Status.class, names = { "CLOSED", "NOT_SUBSTANTIATED" })
	void aClosedFileTakesNoNoteFileOrService(ProtectionCase.Status closed) {
		ProtectionCase c = inStatus(closed);

		assertThatThrownBy(() -> c.addNote(OFFICER, "Ghi chú", NoteVisibility.CASE_TEAM))
			.isInstanceOfSatisfying(CaseRuleBroken.class, e -> assertThat(e.status()).isEqualTo(closed));
		assertThatThrownBy(() -> c.addAttachment(OFFICER, "bien-ban.pdf", NoteVisibility.CASE_TEAM, "a"))
			.isInstanceOf(CaseRuleBroken.class);
		assertThatThrownBy(() -> c.recordService(OFFICER, "Khám")).isInstanceOf(CaseRuleBroken.class);
		assertThat(c.changes()).isEmpty();
		assertThat(CaseStep.ADD_NOTE.possibleIn(closed)).isFalse();
		assertThat(CaseStep.ADD_ATTACHMENT.possibleIn(closed)).isFalse();
		assertThat(CaseStep.REOPEN.possibleIn(closed)).isTrue();
	}

	@Test
	void anOpenFileTakesNotesAndFilesInEveryState() {
		for (ProtectionCase.Status status : ProtectionCase.Status.values()) {
			if (status.open()) {
				ProtectionCase c = inStatus(status);
				c.addNote(OFFICER, "Ghi chú", NoteVisibility.CASE_TEAM);
				c.addAttachment(OFFICER, "bien-ban.pdf", NoteVisibility.CASE_TEAM, "a");
				assertThat(c.changes()).as(status.name()).hasSize(2);
				assertThat(CaseStep.ADD_NOTE.possibleIn(status)).isTrue();
			}
		}
	}

	private static ProtectionCase inStatus(ProtectionCase.Status status) {
		return new ProtectionCase(new CaseId(UUID.randomUUID()), "VV-2026-000001", new UnitId(1), 1L, status, null,
				null, Urgency.NORMAL, 1, NOW, status.open() ? null : NOW, 3, false, ProtectionCase.CaseFile.empty(NOW));
	}

}
