/* "Choose your area": the search box becomes a type-ahead (core/combobox.js, which the
   header loads). Enhancement only: without this file the page works as it is. Picking a
   suggestion submits the same form as the selects (province, district, commune, village),
   so the server keeps one path. */
(() => {
  "use strict";

  const LEVELS = ["province", "district", "commune", "village"];
  const box = document.querySelector("[data-geo-suggest]");
  if (!box || !window.SalaCombobox) return;

  function render(option, result) {
    const name = document.createElement("span");
    name.className = "geo-combobox__name";
    name.textContent = result.label;
    const detail = document.createElement("span");
    detail.className = "geo-combobox__detail";
    detail.textContent = result.level_label + " · " + SalaCombobox.localDigits(result.code);
    option.className = "geo-combobox__option";
    option.append(name, detail);
  }

  function hidden(name, value) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    return input;
  }

  /* Submit the chained-selects form with the codes from the province down to the area. */
  function pick(result) {
    const form = document.querySelector("[data-geo-chooser]");
    const code = result.code;
    box.value = result.name;
    if (!form) {
      window.location.assign(result.url);
      return;
    }
    LEVELS.forEach((name, index) => {
      const value = code.length >= 2 * (index + 1) ? code.slice(0, 2 * (index + 1)) : "";
      const field = form.elements.namedItem(name);
      if (field && field.tagName === "SELECT") {
        if (value && !field.querySelector("option[value='" + value + "']")) {
          field.appendChild(new Option(value, value));
        }
        field.value = value;
      } else if (value) {
        form.appendChild(hidden(name, value));
      }
    });
    form.appendChild(hidden("picked", "1"));
    form.submit();
  }

  new SalaCombobox(box, { render, pick });
})();
