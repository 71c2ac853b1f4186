package vn.trean.statistics;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Requires;

/**
 * The DHIS2 code mapping page: the codes entered so far and the CSV import; a refused
 * file is shown again on the page with its reason.
 */
@Controller
class Dhis2MappingController {

	private final Dhis2MappingImport mapping;

	Dhis2MappingController(Dhis2MappingImport mapping) {
		this.mapping = mapping;
	}

	@Requires(Action.MANAGE_API_TOKENS)
	@GetMapping("/statistics/dhis2-mapping")
	String page(CurrentUser me, Model model) {
		model.addAttribute("entries", mapping.entries(me));
		return "statistics/dhis2-mapping";
	}

	@Requires(Action.MANAGE_API_TOKENS)
	@PostMapping("/statistics/dhis2-mapping")
	String upload(Actor actor, @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
		redirect.addFlashAttribute("imported", mapping.importFile(actor, bytes(file)));
		return "redirect:/statistics/dhis2-mapping";
	}

	private static byte[] bytes(MultipartFile file) {
		if (file == null || file.getSize() > Dhis2MappingImport.MAX_BYTES) {
			return new byte[0];
		}
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
