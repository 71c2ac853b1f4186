package vn.trean.referrals;

import org.jspecify.annotations.Nullable;

import vn.trean.shared.FormErrors;
import vn.trean.shared.Verdict;

/**
 * What a legal basis for sharing without consent needs (docs/domain.md §4): a note
 * always; a request of an investigation agency, procuracy or court names the requesting
 * body and its reference; another basis in law names the law's reference.
 */
final class LegalBasisPolicy {

	private LegalBasisPolicy() {
	}

	static Verdict<Void> check(BasisDraft draft) {
		FormErrors errors = new FormErrors();
		if (draft.basis() == null) {
			errors.reject("basis", "validation.required");
		}
		if (blank(draft.note())) {
			errors.reject("note", "basis.note-required");
		}
		else {
			errors.checkText("note", draft.note(), true, 2000);
		}
		boolean request = draft.basis() == LegalBasis.AUTHORITY_REQUEST;
		if (request && blank(draft.requestingBody())) {
			errors.reject("requestingBody", "basis.requester-required");
		}
		if (request && blank(draft.requestReference())) {
			errors.reject("requestReference", "basis.requester-required");
		}
		if (draft.basis() == LegalBasis.OTHER_LAW && blank(draft.lawReference())) {
			errors.reject("lawReference", "basis.reference-required");
		}
		errors.checkText("requestingBody", draft.requestingBody(), false, 200);
		errors.checkText("requestReference", draft.requestReference(), false, 200);
		errors.checkText("lawReference", draft.lawReference(), false, 300);
		return errors.hasErrors() ? Verdict.refuse(errors) : Verdict.allow(null);
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
