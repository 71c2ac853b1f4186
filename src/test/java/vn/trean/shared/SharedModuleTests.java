package vn.trean.shared;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import vn.trean.ModuleTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared module on its own: the REST refusal writer every module answers problems
 * with translates titles and field errors from the application's messages.
 */
@ApplicationModuleTest(mode = BootstrapMode.STANDALONE)
@ModuleTest
class SharedModuleTests {

	@Autowired
	ApiProblems problems;

	@Test
	void writesAProblemWithTheTitleAndFieldErrorsInTheCallersLanguage() {
		ProblemDetail english = problems
			.problem(HttpStatus.UNPROCESSABLE_ENTITY, "api.input.invalid", Locale.ENGLISH,
					Map.of("fullName", "validation.required"))
			.getBody();
		ProblemDetail vietnamese = problems
			.problem(HttpStatus.UNPROCESSABLE_ENTITY, "api.input.invalid", WebShell.VIETNAMESE,
					Map.of("fullName", "validation.required"))
			.getBody();

		assertThat(english.getStatus()).isEqualTo(422);
		assertThat(english.getTitle()).isEqualTo("The data sent is not valid");
		assertThat(english.getProperties()).containsEntry("errors",
				List.of(Map.of("field", "fullName", "message", "This field is required.")));
		assertThat(vietnamese.getTitle()).isEqualTo("Dữ liệu gửi lên chưa hợp lệ");
		assertThat(vietnamese.getProperties()).containsEntry("errors",
				List.of(Map.of("field", "fullName", "message", "Trường này bắt buộc.")));
	}

}
