package vn.trean.printing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One official form to print, in the order the paper form reads: the committee that
 * issues it, its number, the place and date, the title and the content, then who signs.
 * Composed by the module that owns the data; {@link FormPrinter} lays it out.
 *
 * @param committee the issuing committee, e.g. <i>UBND Phường Cái Khế</i>
 * @param formNumber the number of the official form (<i>02</i>), or {@code null} for none
 * @param documentNumber the line under the committee (<i>Số: 45/QĐ-UBND</i>), or
 * {@code null}
 * @param place the place named in the date line (the commune's name)
 * @param date the date of the document
 * @param title the title, printed in capitals as given
 * @param subtitle the line under the title, or {@code null}
 * @param body the content
 * @param signatures the signature blocks, left to right
 */
public record OfficialDocument(String committee, String formNumber, String documentNumber, String place, LocalDate date,
		String title, String subtitle, List<Block> body, List<Signature> signatures) {

	public OfficialDocument {
		Objects.requireNonNull(committee, "committee");
		Objects.requireNonNull(place, "place");
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(title, "title");
		body = List.copyOf(body);
		signatures = List.copyOf(signatures);
	}

	/** A part of the content. */
	public sealed interface Block permits Section, Field, Text, Checklist, Table {

	}

	/** A numbered heading: <i>I. THÔNG TIN VỀ TRẺ</i>. */
	public record Section(String title) implements Block {
	}

	/**
	 * <i>Label: value</i>; a missing value prints as a dotted line to fill in by hand.
	 */
	public record Field(String label, String value) implements Block {
	}

	/** A paragraph of running text (line breaks kept). */
	public record Text(String text) implements Block {
	}

	/**
	 * Every option of a question with the chosen ones ticked, as paper forms list them.
	 */
	public record Checklist(String label, List<Check> items) implements Block {

		public Checklist {
			items = List.copyOf(items);
		}

	}

	/** One option of a checklist. */
	public record Check(String label, boolean checked) {
	}

	/** A table with a header row; {@code widths} are relative column widths. */
	public record Table(List<String> header, List<List<String>> rows, List<Integer> widths) implements Block {

		public Table {
			header = List.copyOf(header);
			rows = rows.stream().map(row -> (List<String>) new ArrayList<>(row)).toList();
			widths = List.copyOf(widths);
			int columns = header.size();
			if (widths.size() != columns || rows.stream().anyMatch(r -> r.size() != columns)) {
				throw new IllegalArgumentException("every row needs as many cells as the header");
			}
		}

	}

	/**
	 * A signature block: the capacity in capitals (lines separated by a line break), the
	 * caption in italics, room to sign, and the printed name if known.
	 */
	public record Signature(String capacity, String caption, String name) {
	}

	public static Builder builder(String committee, String place, LocalDate date, String title) {
		return new Builder(committee, place, date, title);
	}

	/** Builds a document in reading order. */
	public static final class Builder {

		private final String committee;

		private final String place;

		private final LocalDate date;

		private final String title;

		private String formNumber;

		private String documentNumber;

		private String subtitle;

		private final List<Block> body = new ArrayList<>();

		private final List<Signature> signatures = new ArrayList<>();

		private Builder(String committee, String place, LocalDate date, String title) {
			this.committee = committee;
			this.place = place;
			this.date = date;
			this.title = title;
		}

		public Builder formNumber(String number) {
			this.formNumber = number;
			return this;
		}

		public Builder documentNumber(String number) {
			this.documentNumber = number;
			return this;
		}

		public Builder subtitle(String subtitle) {
			this.subtitle = subtitle;
			return this;
		}

		public Builder section(String title) {
			body.add(new Section(title));
			return this;
		}

		public Builder field(String label, String value) {
			body.add(new Field(label, value));
			return this;
		}

		public Builder text(String text) {
			if (text != null && !text.isBlank()) {
				body.add(new Text(text));
			}
			return this;
		}

		public Builder checklist(String label, List<Check> items) {
			body.add(new Checklist(label, items));
			return this;
		}

		public Builder table(List<String> header, List<List<String>> rows, List<Integer> widths) {
			body.add(new Table(header, rows, widths));
			return this;
		}

		public Builder signature(String capacity, String caption, String name) {
			signatures.add(new Signature(capacity, caption, name));
			return this;
		}

		public OfficialDocument build() {
			return new OfficialDocument(committee, formNumber, documentNumber, place, date, title, subtitle, body,
					signatures);
		}

	}

}
