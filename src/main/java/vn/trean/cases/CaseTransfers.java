package vn.trean.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Actor;
import vn.trean.shared.FormErrors;
import vn.trean.shared.PlainText;

import static vn.trean.cases.CaseChanges.clean;

/**
 * Handing a case to another commune (the family moved): the case's commune asks, and
 * while the hand-over is pending both communes may read it; the new commune accepts (and
 * its accepting officer takes the case) or declines with a reason.
 */
@Service
@Transactional
public class CaseTransfers {

	private final CaseChanges changes;

	private final Geography geography;

	CaseTransfers(CaseChanges changes, Geography geography) {
		this.changes = changes;
		this.geography = geography;
	}

	/** The commune the case should go to and why, as the case page submits it. */
	public record Request(@NotNull Long toUnit, @NotBlank @PlainText(max = 2000, markup = true) String text) {
	}

	/** Asks a current commune to take the case over. */
	public void request(Actor actor, CaseId id, int version, Request request) {
		UnitId to = destination(request).id();
		changes.change(actor, id, version, CaseStep.REQUEST_TRANSFER,
				(c, a) -> c.requestTransfer(a, to, clean(request.text())));
	}

	/** The commune a transfer asks to take the case: a current commune, or refused. */
	AdministrativeUnit destination(Request request) {
		return geography.find(new UnitId(request.toUnit()))
			.filter(u -> u.current() && u.level() == AdministrativeUnit.Level.COMMUNE)
			.orElseThrow(() -> new InvalidCaseInput(new FormErrors().reject("toUnit", "validation.unit-unknown")));
	}

	public void accept(Actor actor, CaseId id, int version) {
		changes.change(actor, id, version, CaseStep.ACCEPT_TRANSFER, (c, a) -> c.acceptTransfer(a, changes.now()));
	}

	public void decline(Actor actor, CaseId id, int version, String reason) {
		CaseWorkflow.checkReason(CaseStep.DECLINE_TRANSFER, reason);
		changes.change(actor, id, version, CaseStep.DECLINE_TRANSFER, (c, a) -> c.declineTransfer(a, clean(reason)));
	}

}
