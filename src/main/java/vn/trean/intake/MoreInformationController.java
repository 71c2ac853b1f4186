package vn.trean.intake;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Requires;
import vn.trean.shared.PlainText;
import vn.trean.shared.ShownAgainAt;

/**
 * The report page's forms for sending a report back for more information and answering; a
 * refused one comes back on the report page with its text.
 */
@Controller
class MoreInformationController {

	static final int MAX_QUESTION = 2000;

	static final int MAX_ANSWER = 5000;

	private final MoreInformation moreInformation;

	MoreInformationController(MoreInformation moreInformation) {
		this.moreInformation = moreInformation;
	}

	/** The officer's question. */
	record AskRequest(@NotBlank @PlainText(max = MAX_QUESTION) @Nullable String question) {
	}

	/** The receiving point's answer to the open request it names. */
	record AnswerRequest(@NotNull @Nullable UUID request,
			@NotBlank @PlainText(max = MAX_ANSWER) @Nullable String answer) {
	}

	/** A refused question or answer comes back in its own box on the report page. */
	static void showAgain(Model model) {
		Object submitted = model.getAttribute("submitted");
		model.addAttribute("questionText", submitted instanceof AskRequest ask ? ask.question() : null);
		model.addAttribute("answerText", submitted instanceof AnswerRequest answer ? answer.answer() : null);
		model.addAttribute("maxQuestion", MAX_QUESTION);
		model.addAttribute("maxAnswer", MAX_ANSWER);
	}

	@Requires(Action.MANAGE_CASES)
	@PostMapping("/intake/reports/{id}/more-information")
	@ShownAgainAt("/intake/reports/{id}")
	String ask(Actor actor, @PathVariable ReportId id, @Valid AskRequest form, RedirectAttributes redirect) {
		moreInformation.ask(actor, id, form.question());
		redirect.addFlashAttribute("message", "report.information.asked");
		return "redirect:/intake/reports/" + id + "#more-information";
	}

	@Requires(Action.RECORD_REPORT)
	@PostMapping("/intake/reports/{id}/more-information/answer")
	@ShownAgainAt("/intake/reports/{id}")
	String answer(Actor actor, @PathVariable ReportId id, @Valid AnswerRequest form, RedirectAttributes redirect) {
		moreInformation.answer(actor, id, form.request(), form.answer());
		redirect.addFlashAttribute("message", "report.information.supplied");
		return "redirect:/intake/reports/" + id + "#more-information";
	}

}
