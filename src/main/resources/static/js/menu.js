// The phone menu: under 700 px the navigation folds behind the menu button. Without this
// script the navigation simply stays open (the button stays hidden).
(function () {
	var button = document.getElementById('menu-button');
	var header = button && button.closest('.top');
	if (!header) {
		return;
	}
	header.classList.add('js-menu');
	button.hidden = false;
	button.addEventListener('click', function () {
		var open = header.classList.toggle('open');
		button.setAttribute('aria-expanded', String(open));
	});
})();
