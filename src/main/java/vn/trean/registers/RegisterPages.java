package vn.trean.registers;

import java.util.List;

import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.geography.AdministrativeUnit;

/**
 * What every register's pages share: the page number of a list, a list's model, the edit
 * page (the register's fields of {@code registers/partials/forms}, filled in, with the
 * version read), the confirmation page of a deletion, the entry a refused form shows
 * again, and the redirect with a message after a change.
 */
final class RegisterPages {

	private RegisterPages() {
	}

	/**
	 * A register's edit page: the fragment of its fields, its heading, and its list with
	 * the list's label.
	 */
	record EditPage(String fields, String heading, String list, String listLabel) {
	}

	/**
	 * The page of a list asked for; anything but a positive number is the first page, and
	 * a number past the last page is the last (decided with the count, in
	 * {@link Registers#listing}).
	 */
	static int pageNumber(String text) {
		if (text == null || !text.strip().matches("[0-9]{1,100}")) {
			return 1;
		}
		String digits = text.strip().replaceFirst("^0+(?=.)", "");
		return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
	}

	/**
	 * A register's list: the records ({@code view}), the {@code page} and the
	 * {@code total}.
	 */
	static void list(Model model, Listing<?> listing) {
		model.addAttribute("view", listing);
		model.addAttribute("page", listing.page());
		model.addAttribute("total", listing.total());
	}

	/**
	 * What a form shows: the entry as typed when it was refused for what it says (422),
	 * else {@code stored} (also after a 409, which shows what is stored now).
	 */
	static <T> T shown(Model model, Class<T> type, T stored) {
		Object submitted = model.getAttribute("submitted");
		boolean conflict = model.getAttribute("refusal") != null;
		return !conflict && type.isInstance(submitted) ? type.cast(submitted) : stored;
	}

	static String edit(Model model, EditPage page, String action, int version, List<AdministrativeUnit> units,
			Object form) {
		model.addAttribute("fields", page.fields());
		model.addAttribute("heading", page.heading());
		model.addAttribute("list", page.list());
		model.addAttribute("listLabel", page.listLabel());
		model.addAttribute("action", action);
		model.addAttribute("version", version);
		model.addAttribute("units", units);
		model.addAttribute("form", form);
		return "registers/edit";
	}

	static String delete(Model model, Removal removal) {
		model.addAttribute("removal", removal);
		return "registers/delete";
	}

	/** After a change: to {@code next}, with the message. */
	static String done(RedirectAttributes redirect, String message, String next) {
		redirect.addFlashAttribute("message", message);
		return "redirect:" + next;
	}

}
