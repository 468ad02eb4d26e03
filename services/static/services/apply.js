// Applying online, enhanced. Without this file every page works as it is.
// - A form is sent once however often its button is pressed (the server makes one
//   application anyway).
// - A place field suggests places of its level as you type (see below); without this file
//   the server accepts a code or a name and asks which place when several share the name.
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

  // A place field becomes a type-ahead of places of its level (core/combobox.js, which the
  // header loads). Picking one shows its name and sends its code as "<name>__pick", which
  // the server prefers; typing again forgets the pick.
  document.querySelectorAll("input[data-area-level][data-suggest-url]").forEach(function (input) {
    if (!window.SalaCombobox) return;
    var box = document.createElement("div");
    var list = document.createElement("ul");
    var status = document.createElement("div");
    var picked = document.createElement("input");
    box.className = "area-combobox";
    list.className = "search-suggest";
    list.id = input.id + "-places";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.labels.length ? input.labels[0].textContent : "");
    status.className = "visually-hidden";
    status.id = input.id + "-status";
    status.setAttribute("role", "status");
    picked.type = "hidden";
    picked.name = input.name + "__pick";
    input.parentNode.insertBefore(box, input);
    box.append(input, list, picked);
    box.insertAdjacentElement("afterend", status);
    input.setAttribute("aria-controls", list.id);
    input.dataset.status = status.id;
    input.addEventListener("input", function () { picked.value = ""; });
    new window.SalaCombobox(input, {
      render: function (option, result) { option.textContent = result.label; },
      pick: function (result) {
        input.value = result.name;
        picked.value = result.code;
      },
    });
  });
})();
