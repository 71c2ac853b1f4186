// The error summary of a refused form: focused on load, so it is read first; each link names
// the field's label before its message, and moves the focus into the field (the first control
// of a group), its label in view. Without this script the links still lead to the fields.
(function () {
	var summary = document.querySelector('.error-summary');
	if (!summary) {
		return;
	}
	function controlOf(target) {
		if (target.matches('label')) {
			return target.control;
		}
		return target.matches('input,select,textarea') ? target : target.querySelector('input,select,textarea');
	}
	function labelOf(target, control) {
		if (target.matches('label')) {
			return target;
		}
		var label = control && control.id && document.querySelector('label[for="' + CSS.escape(control.id) + '"]');
		return label || target.querySelector('legend');
	}
	summary.querySelectorAll('a[href^="#"]').forEach(function (link) {
		var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
		var label = target && labelOf(target, controlOf(target));
		if (label && label.textContent.trim()) {
			link.textContent = label.textContent.trim() + ': ' + link.textContent;
		}
		link.addEventListener('click', function (event) {
			if (!target) {
				return;
			}
			var control = controlOf(target) || target;
			event.preventDefault();
			(labelOf(target, control) || control).scrollIntoView();
			control.focus({ preventScroll: true });
		});
	});
	summary.focus();
})();
