package vn.trean.shared;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.model.IModel;
import org.thymeleaf.model.IModelFactory;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractElementTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.templatemode.TemplateMode;
import org.springframework.stereotype.Component;
import org.unbescape.html.HtmlEscape;

/**
 * How every page shows a refused form, GOV.UK-style, without each page doing it: when the
 * model's {@code errors} (see {@link Refusals}) hold an error or a {@code refusal} is
 * set, the page's title starts with "Lỗi: ", its main content starts with the error
 * summary ({@code fragments :: error-summary}, one link per field to {@code #field}), and
 * each control of a field in error is marked {@code aria-invalid} and described by its
 * message ({@code field-error}, the id the {@code fragments :: error} fragment gives it).
 * A page whose refusal the errors by field cannot hold names its own summary instead
 * ({@code errorSummary}). A control is the field's when its {@code id} is the field, when
 * its label's is (a page that shows the same form several times names the label of the
 * one that failed), or, for a checkbox or radio button, when its {@code name} is.
 * <p>
 * Its processors run after the standard dialect's on the same element, so they see the
 * element's evaluated attributes; the layout's own {@code <main>} and {@code <title>} are
 * replaced by the page's before they run.
 */
@Component
class RefusedPageDialect extends AbstractProcessorDialect {

	private static final String PREFIX = "refused";

	/**
	 * The fields whose label, not their control, carries the field's id, by the control's
	 * id: a page with several forms of the same fields (the case page's steps) names the
	 * failed form's label, and keeps each control's own id.
	 */
	private static final String LABELLED = RefusedPageDialect.class.getName() + ".labelled";

	RefusedPageDialect() {
		super("Refused page", PREFIX, StandardDialect.PROCESSOR_PRECEDENCE + 100);
	}

	@Override
	public Set<IProcessor> getProcessors(String dialectPrefix) {
		Set<IProcessor> processors = new LinkedHashSet<>();
		processors.add(new ErrorTitle());
		processors.add(new SummaryOnTop());
		processors.add(new LabelInError());
		for (String control : new String[] { "input", "select", "textarea" }) {
			processors.add(new InvalidControl(control));
		}
		return processors;
	}

	private static FormErrors errorsOf(ITemplateContext context) {
		return context.getVariable("errors") instanceof FormErrors errors ? errors : new FormErrors();
	}

	private static boolean refused(ITemplateContext context) {
		return errorsOf(context).hasErrors() || context.getVariable("refusal") != null || ownSummary(context) != null;
	}

	/**
	 * The fragment a page lists its refusal in when the errors by field cannot hold it
	 * (the problems of an uploaded file by line and column), named by the model's
	 * {@code errorSummary} ("template :: fragment"); it takes the summary's place.
	 */
	private static String ownSummary(ITemplateContext context) {
		return context.getVariable("errorSummary") instanceof String fragment ? fragment : null;
	}

	/** A processor of every element of one name (no attribute needed). */
	private abstract static class OnElement extends AbstractElementTagProcessor {

		OnElement(String element) {
			super(TemplateMode.HTML, PREFIX, element, false, null, false, 1000);
		}

	}

	/**
	 * "Lỗi: " before the page's title, so the refusal is the first thing a screen reader
	 * says; the title of a chart (an SVG {@code <title>}) stays as it is.
	 */
	private static final class ErrorTitle extends OnElement {

		ErrorTitle() {
			super("title");
		}

		@Override
		protected void doProcess(ITemplateContext context, IProcessableElementTag tag,
				IElementTagStructureHandler structureHandler) {
			boolean inChart = context.getElementStack()
				.stream()
				.anyMatch(element -> "svg".equals(element.getElementCompleteName()));
			if (refused(context) && !inChart) {
				String prefix = context.getMessage(ErrorTitle.class, "error-summary.title-prefix", new Object[0], true);
				IModelFactory models = context.getModelFactory();
				structureHandler.insertImmediatelyAfter(
						models.createModel(models.createText(HtmlEscape.escapeHtml5(prefix) + " ")), false);
			}
		}

	}

	/** The error summary as the first thing of the page's main content. */
	private static final class SummaryOnTop extends OnElement {

		SummaryOnTop() {
			super("main");
		}

		@Override
		protected void doProcess(ITemplateContext context, IProcessableElementTag tag,
				IElementTagStructureHandler structureHandler) {
			if (refused(context)) {
				String fragment = ownSummary(context) == null ? "fragments :: error-summary" : ownSummary(context);
				IModel summary = context.getModelFactory()
					.parse(context.getTemplateData(), "<th:block th:replace=\"~{" + fragment + "}\"></th:block>");
				structureHandler.insertImmediatelyAfter(summary, true);
				structureHandler.setLocalVariable(LABELLED, new HashMap<String, String>());
			}
		}

	}

	/** A label that stands for a field in error: its control is the field's. */
	private static final class LabelInError extends OnElement {

		LabelInError() {
			super("label");
		}

		@Override
		@SuppressWarnings("unchecked")
		protected void doProcess(ITemplateContext context, IProcessableElementTag tag,
				IElementTagStructureHandler structureHandler) {
			String field = tag.getAttributeValue("id");
			String control = tag.getAttributeValue("for");
			if (field != null && control != null && errorsOf(context).has(field)
					&& context.getVariable(LABELLED) instanceof Map<?, ?> labelled) {
				((Map<String, String>) labelled).put(control, field);
			}
		}

	}

	/** A control in error: invalid, and described by its message first. */
	private static final class InvalidControl extends OnElement {

		InvalidControl(String element) {
			super(element);
		}

		@Override
		protected void doProcess(ITemplateContext context, IProcessableElementTag tag,
				IElementTagStructureHandler structureHandler) {
			FormErrors errors = errorsOf(context);
			if (!errors.hasErrors()) {
				return;
			}
			String type = tag.getAttributeValue("type");
			boolean choice = "checkbox".equals(type) || "radio".equals(type);
			String id = tag.getAttributeValue("id");
			String field = choice ? tag.getAttributeValue("name") : id;
			if (field != null && !errors.has(field) && context.getVariable(LABELLED) instanceof Map<?, ?> labelled
					&& labelled.get(id) instanceof String labelledField) {
				field = labelledField;
			}
			if (field == null || !errors.has(field) || "hidden".equals(type)) {
				return;
			}
			structureHandler.setAttribute("aria-invalid", "true");
			String message = field + "-error";
			String described = tag.getAttributeValue("aria-describedby");
			if (described == null || described.isBlank()) {
				structureHandler.setAttribute("aria-describedby", message);
			}
			else if (!Arrays.asList(described.trim().split("\\s+")).contains(message)) {
				structureHandler.setAttribute("aria-describedby", message + " " + described);
			}
		}

	}

}
