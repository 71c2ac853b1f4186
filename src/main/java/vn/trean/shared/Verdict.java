package vn.trean.shared;

import org.jspecify.annotations.Nullable;

/**
 * What a named policy decided: the value it allows (parsed, normalised) or the errors by
 * field. A refusal that concerns no single field is filed under {@link #GENERAL}. Every
 * policy returns this one type; {@link #orThrow} turns a refusal into the module's
 * {@link InvalidInput}.
 */
public record Verdict<T>(@Nullable T value, FormErrors errors) {

	/** The field name of a refusal that concerns the whole record. */
	public static final String GENERAL = "_";

	public static <T> Verdict<T> allow(@Nullable T value) {
		return new Verdict<>(value, new FormErrors());
	}

	public static <T> Verdict<T> refuse(String field, String messageKey) {
		return new Verdict<>(null, new FormErrors().reject(field, messageKey));
	}

	public static <T> Verdict<T> refuse(FormErrors errors) {
		return new Verdict<>(null, errors);
	}

	public boolean allowed() {
		return !errors.hasErrors();
	}

	/** The first refused field, or {@code null} when allowed. */
	public @Nullable String field() {
		return errors.asMap().keySet().stream().findFirst().orElse(null);
	}

	/** The message key of the first refusal, or {@code null} when allowed. */
	public @Nullable String reason() {
		String field = field();
		return field == null ? null : errors.get(field);
	}

	/** The value when allowed, or the errors thrown as {@code invalid}. */
	public T orThrow(java.util.function.Function<FormErrors, ? extends InvalidInput> invalid) {
		if (!allowed()) {
			throw invalid.apply(errors);
		}
		return value;
	}

}
