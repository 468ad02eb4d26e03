// Applying online, enhanced. Without this file every page works as it is.
// - A form is sent once however often its button is pressed (the server makes one
//   application anyway).
// - A place field suggests places of the right level as you type (a native datalist of
//   codes with their names, from geo's type-ahead); the server accepts the code or a name.
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

  var MIN_LENGTH = 2;
  var DELAY_MS = 200;

  document.querySelectorAll("input[data-area-level][data-suggest-url]").forEach(function (input) {
    var list = document.createElement("datalist");
    var level = Number(input.dataset.areaLevel);
    var timer = 0;
    var last = "";
    list.id = input.id + "-places";
    input.insertAdjacentElement("afterend", list);
    input.setAttribute("list", list.id);

    function show(results) {
      list.replaceChildren();
      results.filter(function (r) { return r.level === level; }).forEach(function (r) {
        var option = document.createElement("option");
        option.value = r.code;
        option.label = r.label;
        option.textContent = r.label;
        list.appendChild(option);
      });
    }

    input.addEventListener("input", function () {
      var text = input.value.trim();
      window.clearTimeout(timer);
      if (text.length < MIN_LENGTH || text === last || /^\d{8}$/.test(text)) return;
      timer = window.setTimeout(function () {
        last = text;
        fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(text), {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
        })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) { if (input.value.trim() === text) show(data.results || []); })
          .catch(function () { /* suggestions are optional */ });
      }, DELAY_MS);
    });
  });
})();
