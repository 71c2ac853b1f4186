package vn.trean.cases;

import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import vn.trean.shared.FormErrors;
import vn.trean.shared.PlainText;

/**
 * Mẫu 02, the initial assessment of harm and risk: each {@link RiskItem} rated with what
 * was found, a summary, and whether emergency measures are recommended to the chair.
 */
public record InitialAssessment(List<@Valid RatedItem> items,
		@NotBlank @PlainText(max = 5000, markup = true) String summary, Boolean emergencyRecommended) {

	static final int SCHEMA = 1;

	/** One rated item with its description. */
	public record RatedItem(RiskItem item, @NotNull Rating rating,
			@PlainText(max = 2000, markup = true) String description) {
	}

	public InitialAssessment {
		items = items == null ? List.of() : items.stream().filter(Objects::nonNull).toList();
	}

	/** A blank form listing every item in order. */
	static InitialAssessment blank() {
		return new InitialAssessment(
				java.util.Arrays.stream(RiskItem.values()).map(i -> new RatedItem(i, null, "")).toList(), "", false);
	}

	/** Every item once: the rules the fields' constraints cannot say. */
	FormErrors check() {
		FormErrors errors = new FormErrors();
		java.util.Set<RiskItem> seen = java.util.EnumSet.noneOf(RiskItem.class);
		for (int i = 0; i < items.size(); i++) {
			RatedItem rated = items.get(i);
			if (rated.item() == null || !seen.add(rated.item())) {
				errors.reject("items[" + i + "].item", "validation.invalid");
			}
		}
		if (seen.size() != RiskItem.values().length) {
			errors.reject("items", "case.form.items-missing");
		}
		return errors;
	}

	/** The highest rating given to any item. */
	Rating highest() {
		return items.stream().map(RatedItem::rating).filter(Objects::nonNull).min(Enum::compareTo).orElse(Rating.LOW);
	}

}
