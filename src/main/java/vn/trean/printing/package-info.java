/**
 * Printing the official forms (Mẫu 01–06 of Decree 56/2017 and the chair's decisions,
 * docs/domain.md §2) as PDF laid out like the paper forms: the national heading and
 * motto, the committee's name, the form number, the place-and-date line, the title, the
 * content and the signature blocks.
 * <p>
 * Decisions: the modules that own the data compose an
 * {@link vn.trean.printing.OfficialDocument} (intake: Mẫu 01; cases: Mẫu 02–06 and the
 * emergency decision) after reading it the audited way, and
 * {@link vn.trean.printing.FormPrinter} lays it out; the module depends on no other, so
 * neither owner depends on the other for printing. The modules' export jobs name what
 * their files are served as, and the languages they are written in, through
 * {@link vn.trean.printing.ExportFormat}. Text is printed in NFC with DejaVu Serif
 * (embedded, subset), which has a precomposed glyph for every Vietnamese letter.
 * <p>
 * Invariants: a printed form is a Vietnamese official document whatever language the user
 * reads the pages in. The wording the State fixes (national heading, motto, <i>Mẫu
 * số</i>, form titles, signature captions) is Java constants
 * ({@link vn.trean.printing.OfficialWording} and the composing classes); field labels and
 * enum values come from the Vietnamese message bundle, so a form prints exactly what its
 * Vietnamese page says.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package vn.trean.printing;
