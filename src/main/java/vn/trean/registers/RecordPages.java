package vn.trean.registers;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Requires;
import vn.trean.registers.RegisterPages.EditPage;
import vn.trean.shared.ShownAgainAt;

/**
 * The pages every register of plain records has, written once: the list with the form
 * that adds a record, a record's edit form and the confirmation of its deletion. Each
 * register's controller extends it under {@code /registers/{register:<its name>}} and
 * adds the choices its form offers. A refused form is shown again by its page with the
 * reasons ({@code shared.Refusals}).
 *
 * @param <I> the record's id
 * @param <R> the record
 * @param <E> the entry its form submits
 */
abstract class RecordPages<I, R extends RegisterRecord, E> {

	private final RecordRegister<I, R, E> register;

	private final Registers registers;

	private final Class<E> entryType;

	private final E blank;

	private final String view;

	private final EditPage edit;

	RecordPages(RecordRegister<I, R, E> register, Registers registers, Class<E> entryType, E blank, String view,
			EditPage edit) {
		this.register = register;
		this.registers = registers;
		this.entryType = entryType;
		this.blank = blank;
		this.view = view;
		this.edit = edit;
	}

	/**
	 * What the register's form offers to choose from (roles, agencies, kinds), and what
	 * its edit page shows besides the fields ({@code record} is null on the list).
	 */
	void choices(Actor actor, @Nullable R record, Model model) {
	}

	@GetMapping
	String list(Actor actor, @RequestParam(required = false) String page, Model model) {
		RegisterPages.list(model, register.listing(actor, RegisterPages.pageNumber(page)));
		model.addAttribute("form", RegisterPages.shown(model, entryType, blank));
		choices(actor, null, model);
		return view;
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping
	String add(Actor actor, @Valid E entry, RedirectAttributes redirect) {
		register.add(actor, entry);
		return RegisterPages.done(redirect, "registers.saved", edit.list());
	}

	@GetMapping("/{id}/edit")
	String edit(Actor actor, @PathVariable I id, Model model) {
		R record = register.record(actor, id);
		choices(actor, record, model);
		return RegisterPages.edit(model, edit, edit.list() + "/" + record.id(), record.version(),
				registers.writableUnits(actor.signedIn()),
				RegisterPages.shown(model, entryType, register.entry(record)));
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/{id}")
	@ShownAgainAt("/registers/{register}/{id}/edit")
	String change(Actor actor, @PathVariable I id, @RequestParam(required = false) String version, @Valid E entry,
			RedirectAttributes redirect) {
		register.change(actor, id, version, entry);
		return RegisterPages.done(redirect, "registers.changed", edit.list());
	}

	@GetMapping("/{id}/delete")
	String confirmDeletion(Actor actor, @PathVariable I id, Model model) {
		return RegisterPages.delete(model, register.removal(actor, id));
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/{id}/delete")
	String delete(Actor actor, @PathVariable I id, @RequestParam(required = false) String version,
			RedirectAttributes redirect) {
		register.delete(actor, id, version);
		return RegisterPages.done(redirect, "registers.deleted", edit.list());
	}

}
