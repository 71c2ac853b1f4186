// Offers to copy a code shown as text: each button[data-copy] names the element whose
// text it copies, and in data-told the live region that then says data-done. The button
// stays hidden where the browser cannot copy (and without script); the code stays text
// to select either way.
(function () {
  'use strict';
  if (!navigator.clipboard || !window.isSecureContext) {
    return;
  }
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    var told = document.getElementById(button.getAttribute('data-told'));
    if (!source) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        if (told) {
          told.textContent = button.getAttribute('data-done');
        }
      }, function () {
        // the browser refused: select the code, to be copied by hand
        var range = document.createRange();
        range.selectNodeContents(source);
        window.getSelection().removeAllRanges();
        window.getSelection().addRange(range);
      });
    });
  });
})();
