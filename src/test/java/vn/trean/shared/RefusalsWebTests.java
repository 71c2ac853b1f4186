package vn.trean.shared;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A refused form is answered by {@link Refusals}: 422 for input that breaks its own rules
 * (a thrown {@link InvalidInput} or a {@code @Valid} command), 409 for a rule of the
 * record or a stale version, and a forward to the page the form belongs to, which shows
 * the errors, the reason and the command as typed. MockMvc records the forward instead of
 * performing it; the page's own GET is then requested as the forward would. An address
 * that names no record ({@link UnknownRecord}, or an id that cannot be read) is sent as a
 * 404 error, which the container shows as its translated error page.
 */
@RefusalWebSlice
class RefusalsWebTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aCommandWithAMissingFieldIsShownAgainOnItsOwnPathWith422AndTheErrorByField() throws Exception {
		MvcResult result = mvc.perform(post("/test-pages/notes").param("text", "").param("count", "2"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(forwardedUrl("/test-pages/notes"))
			.andReturn();

		Refusal refusal = refusalOf(result);
		assertThat(refusal.errors().asMap()).containsExactly(java.util.Map.entry("text", "validation.required"));
		assertThat(refusal.messageKey()).isNull();
		assertThat(refusal.submitted()).isEqualTo(new RefusingPages.Note("", 2, null));
	}

	@Test
	void aValueThatCannotBeConvertedIsInvalidAnd422WithNothingSubmitted() throws Exception {
		MvcResult result = mvc.perform(post("/test-pages/notes").param("text", "hello").param("count", "two"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(forwardedUrl("/test-pages/notes"))
			.andReturn();

		assertThat(refusalOf(result).errors().asMap())
			.containsExactly(java.util.Map.entry("count", "validation.invalid"));
		// no record can be built from a value that does not convert: the page shows what
		// is stored
		assertThat(refusalOf(result).submitted()).isNull();
	}

	@Test
	void markupInAPlainTextIsRefusedWithTheMarkupKey() throws Exception {
		MvcResult result = mvc.perform(post("/test-pages/notes").param("text", "<b>hi</b>").param("count", "1"))
			.andExpect(status().isUnprocessableContent())
			.andReturn();

		assertThat(refusalOf(result).errors().asMap())
			.containsExactly(java.util.Map.entry("text", "validation.markup"));
	}

	@Test
	void aTextLongerThanItsLimitIsTooLong() throws Exception {
		MvcResult result = mvc.perform(
				post("/test-pages/notes").param("text", "a".repeat(21)).param("count", "1").param("tag", "b".repeat(6)))
			.andExpect(status().isUnprocessableContent())
			.andReturn();

		assertThat(refusalOf(result).errors().asMap()).containsEntry("text", "validation.too-long")
			.containsEntry("tag", "validation.too-long")
			.hasSize(2);
	}

	@Test
	void aValidCommandIsNotRefused() throws Exception {
		mvc.perform(post("/test-pages/notes").param("text", "xin chào").param("count", "1"))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void invalidInputThrownByAServiceIs422WithItsErrors() throws Exception {
		MvcResult result = mvc.perform(post("/test-pages/records/7/invalid"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(forwardedUrl("/test-pages/records/7/invalid"))
			.andReturn();

		assertThat(refusalOf(result).errors().asMap())
			.containsExactly(java.util.Map.entry("name", "validation.invalid"));
	}

	@Test
	void aBrokenRuleIs409WithItsReasonOnThePageNamedByShownAgainAt() throws Exception {
		MvcResult result = mvc.perform(post("/test-pages/records/7/steps").param("tab", "plan"))
			.andExpect(status().isConflict())
			.andExpect(forwardedUrl("/test-pages/records/7?tab=plan"))
			.andReturn();

		Refusal refusal = refusalOf(result);
		assertThat(refusal.messageKey()).isEqualTo("case.plan.none");
		assertThat(refusal.errors().hasErrors()).isFalse();
	}

	@Test
	void aRecordChangedMeanwhileIs409WithItsReason() throws Exception {
		MvcResult result = mvc.perform(post("/test-pages/records/7/stale"))
			.andExpect(status().isConflict())
			.andExpect(forwardedUrl("/test-pages/records/7"))
			.andReturn();

		assertThat(refusalOf(result).messageKey()).isEqualTo("case.concurrent-edit");
	}

	@Test
	void thePageShownAgainGetsTheErrorsTheReasonAndTheCommandAsTyped() throws Exception {
		MvcResult refused = mvc.perform(post("/test-pages/notes").param("text", "").param("count", "3")).andReturn();

		mvc.perform(get(refused.getResponse().getForwardedUrl()).requestAttr(Refusal.ATTRIBUTE, refusalOf(refused)))
			.andExpect(model().attribute("errors", refusalOf(refused).errors()))
			.andExpect(model().attribute("refusal", (Object) null))
			.andExpect(model().attribute("submitted", new RefusingPages.Note("", 3, null)));
	}

	@Test
	void aPageShownWithoutARefusalHasEmptyErrorsAndNothingSubmitted() throws Exception {
		MvcResult shown = mvc.perform(get("/test-pages/notes")).andExpect(status().isOk()).andReturn();

		assertThat(shown.getModelAndView().getModel().get("errors")).isInstanceOfSatisfying(FormErrors.class,
				errors -> assertThat(errors.hasErrors()).isFalse());
		assertThat(shown.getModelAndView().getModel()).containsEntry("refusal", null).containsEntry("submitted", null);
	}

	@Test
	void aRecordThatDoesNotExistIsTheNotFoundPage() throws Exception {
		MvcResult result = mvc.perform(get("/test-pages/shelves/7"))
			.andExpect(status().isNotFound())
			.andExpect(forwardedUrl(null))
			.andReturn();

		// sent as an error, so the container shows its error page (templates/error/404)
		assertThat(result.getResponse().isCommitted()).isTrue();
		assertThat(result.getModelAndView()).isNull();
		assertThat(refusalOf(result)).isNull();
	}

	@Test
	void aPageAddressWhoseIdCannotBeReadIsNotFound() throws Exception {
		MvcResult result = mvc.perform(get("/test-pages/shelves/abc")).andExpect(status().isNotFound()).andReturn();

		assertThat(result.getModelAndView()).isNull();
	}

	@Test
	void aParameterWhoseIdCannotBeReadStaysABadRequest() throws Exception {
		mvc.perform(get("/test-pages/shelves/7").param("next", "abc")).andExpect(status().isBadRequest());
	}

	private static Refusal refusalOf(MvcResult result) {
		return (Refusal) result.getRequest().getAttribute(Refusal.ATTRIBUTE);
	}

	/** Pages whose forms refuse in each way a real page does. */
	@Controller
	static class RefusingPages {

		record Note(@NotBlank @PlainText(max = 20) String text, @NotNull Integer count, @Size(max = 5) String tag) {
		}

		/** A typed id as the modules write one: a text that is no id names no shelf. */
		record ShelfId(long value) {

			public static ShelfId valueOf(String text) {
				if (!text.matches("[0-9]{1,9}")) {
					throw new UnknownShelf(text);
				}
				return new ShelfId(Long.parseLong(text));
			}

		}

		static final class UnknownShelf extends UnknownRecord {

			UnknownShelf(String id) {
				super("No shelf " + id);
			}

		}

		@GetMapping("/test-pages/notes")
		ModelAndView notes() {
			// a view that writes nothing: the test reads the model
			return new ModelAndView((model, request, response) -> {
			});
		}

		@PostMapping("/test-pages/notes")
		String add(@Valid Note note) {
			return "redirect:/test-pages/notes";
		}

		@PostMapping("/test-pages/records/{id}/invalid")
		String invalid(@PathVariable String id) {
			throw new InvalidInput("record " + id, new FormErrors().reject("name", "validation.invalid")) {
			};
		}

		@PostMapping("/test-pages/records/{id}/steps")
		@ShownAgainAt("/test-pages/records/{id}?tab={tab}")
		String step(@PathVariable String id) {
			throw new RuleBroken("case.plan.none", "record " + id) {
			};
		}

		/** A shelf no page shows: every address names a record that does not exist. */
		@GetMapping("/test-pages/shelves/{id}")
		String shelf(@PathVariable ShelfId id, @RequestParam(required = false) ShelfId next) {
			throw new UnknownShelf(id.toString());
		}

		@PostMapping("/test-pages/records/{id}/stale")
		@ShownAgainAt("/test-pages/records/{id}")
		String stale(@PathVariable String id) {
			throw new ChangedMeanwhile("case.concurrent-edit", "record " + id) {
			};
		}

	}

}
