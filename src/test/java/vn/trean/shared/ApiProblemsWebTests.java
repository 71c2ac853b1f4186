package vn.trean.shared;

import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The REST API answers the same refusals as the pages with problem details
 * ({@link ApiProblems}): a title in the caller's language (Vietnamese unless
 * Accept-Language asks otherwise), the errors by field for invalid input, 422 or 409, 404
 * for a record that does not exist, and 400 for an id of the wrong shape.
 */
@RefusalWebSlice
class ApiProblemsWebTests {

	private static final Locale VIETNAMESE = WebShell.VIETNAMESE;

	@Autowired
	MockMvc mvc;

	@Autowired
	MessageSource messages;

	@Test
	void aBodyWithAMissingFieldIs422WithTheErrorByFieldInVietnamese() throws Exception {
		mvc.perform(post("/api/test/notes").contentType(MediaType.APPLICATION_JSON).content("""
				{"count": 1}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value(text("api.input.invalid", VIETNAMESE)))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value("text"))
			.andExpect(jsonPath("$.errors[0].message").value(text("validation.required", VIETNAMESE)));
	}

	@Test
	void markupAndATooLongTextAreNamedByFieldInTheCallersLanguage() throws Exception {
		mvc.perform(post("/api/test/notes").header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"text": "<b>hi</b>", "count": 1, "tag": "toolong"}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.title").value(text("api.input.invalid", Locale.ENGLISH)))
			.andExpect(jsonPath("$.errors", hasSize(2)))
			.andExpect(
					jsonPath("$.errors[?(@.field == 'text')].message").value(text("validation.markup", Locale.ENGLISH)))
			.andExpect(jsonPath("$.errors[?(@.field == 'tag')].message")
				.value(text("validation.too-long", Locale.ENGLISH)));
	}

	@Test
	void aValueOfTheWrongTypeInTheBodyIsAMalformedBody() throws Exception {
		mvc.perform(post("/api/test/notes").contentType(MediaType.APPLICATION_JSON).content("""
				{"text": "hi", "count": "two"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value(text("api.body.malformed", VIETNAMESE)));
	}

	@Test
	void invalidInputThrownByAServiceIs422WithItsErrors() throws Exception {
		mvc.perform(post("/api/test/records/{id}/invalid", UUID.randomUUID()).header("Accept-Language", "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.title").value(text("api.input.invalid", Locale.ENGLISH)))
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[0].message").value(text("validation.invalid", Locale.ENGLISH)));
	}

	@Test
	void aBrokenRuleIs409TitledWithItsReason() throws Exception {
		mvc.perform(post("/api/test/records/{id}/steps", UUID.randomUUID()))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value(text("case.plan.none", VIETNAMESE)))
			.andExpect(jsonPath("$.errors").doesNotExist());
	}

	@Test
	void aRecordChangedMeanwhileIs409TitledWithItsReason() throws Exception {
		mvc.perform(post("/api/test/records/{id}/stale", UUID.randomUUID()).header("Accept-Language", "en"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.title").value(text("case.concurrent-edit", Locale.ENGLISH)));
	}

	@Test
	void anIdOfTheWrongShapeIs400NamingIt() throws Exception {
		mvc.perform(post("/api/test/records/not-a-uuid/steps"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value(text("api.body.invalid-value", VIETNAMESE)))
			.andExpect(jsonPath("$.errors[0].field").value("id"))
			.andExpect(jsonPath("$.errors[0].message").value(text("validation.invalid", VIETNAMESE)));
	}

	@Test
	void aRecordThatDoesNotExistIs404TitledNotFoundInVietnamese() throws Exception {
		mvc.perform(get("/api/test/shelves/7"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.title").value(text(UnknownRecord.NOT_FOUND, VIETNAMESE)))
			.andExpect(jsonPath("$.errors").doesNotExist());
	}

	@Test
	void aRecordThatDoesNotExistIsTitledWithItsOwnKeyInTheCallersLanguage() throws Exception {
		mvc.perform(get("/api/test/units/7").header("Accept-Language", "en"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value(text("api.unit.unknown", Locale.ENGLISH)));
	}

	@Test
	void anIdWhoseValueOfNamesNoRecordIsStill400NamingIt() throws Exception {
		mvc.perform(get("/api/test/shelves/abc").header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value(text("api.body.invalid-value", Locale.ENGLISH)))
			.andExpect(jsonPath("$.errors[0].field").value("id"));
	}

	@Test
	void theTitlesAreTranslatedNotKeys() {
		assertThat(text("api.input.invalid", VIETNAMESE)).isNotEqualTo(text("api.input.invalid", Locale.ENGLISH))
			.isNotEqualTo("api.input.invalid");
	}

	/**
	 * The bundle's text; fails when the key is missing, so a title never is a bare key.
	 */
	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	/** An API whose calls refuse in each way a real one does. */
	@RestController
	static class RefusingApi {

		record Note(@NotBlank @PlainText(max = 20) String text, @NotNull Integer count, @Size(max = 5) String tag) {
		}

		/** A typed id bound from the path through its {@code valueOf}. */
		record RecordId(UUID value) {

			public static RecordId valueOf(String text) {
				return new RecordId(UUID.fromString(text));
			}

		}

		/** A typed id whose {@code valueOf} refuses a text as naming no shelf. */
		record ShelfId(long value) {

			public static ShelfId valueOf(String text) {
				if (!text.matches("[0-9]{1,9}")) {
					throw new UnknownShelf(UnknownRecord.NOT_FOUND, text);
				}
				return new ShelfId(Long.parseLong(text));
			}

		}

		static final class UnknownShelf extends UnknownRecord {

			UnknownShelf(String messageKey, String id) {
				super(messageKey, "No shelf " + id);
			}

		}

		@GetMapping("/api/test/shelves/{id}")
		void shelf(@PathVariable ShelfId id) {
			throw new UnknownShelf(UnknownRecord.NOT_FOUND, id.toString());
		}

		@GetMapping("/api/test/units/{id}")
		void unit(@PathVariable ShelfId id) {
			throw new UnknownShelf("api.unit.unknown", id.toString());
		}

		@PostMapping("/api/test/notes")
		void add(@Valid @RequestBody Note note) {
		}

		@PostMapping("/api/test/records/{id}/invalid")
		void invalid(@PathVariable RecordId id) {
			throw new InvalidInput("record " + id, new FormErrors().reject("name", "validation.invalid")) {
			};
		}

		@PostMapping("/api/test/records/{id}/steps")
		void step(@PathVariable RecordId id) {
			throw new RuleBroken("case.plan.none", "record " + id) {
			};
		}

		@PostMapping("/api/test/records/{id}/stale")
		void stale(@PathVariable RecordId id) {
			throw new ChangedMeanwhile("case.concurrent-edit", "record " + id) {
			};
		}

	}

}
