/* "Choose your area": turns the search box into a type-ahead (ARIA 1.2 combobox with a
   listbox). Enhancement only: without this file the page works as it is. Picking a suggestion
   submits the same form as the selects (province, district, commune, village), so the
   server keeps one path. No inline script or style: the CSP forbids both. */
(function () {
  "use strict";

  var MIN_LENGTH = 2;
  var DELAY_MS = 150;
  var KHMER_DIGITS = "០១២៣៤៥៦៧៨៩";
  var LEVELS = ["province", "district", "commune", "village"];

  function localDigits(text) {
    if ((document.documentElement.lang || "").indexOf("km") !== 0) return text;
    return String(text).replace(/[0-9]/g, function (d) { return KHMER_DIGITS[+d]; });
  }

  function statusText(input, count) {
    var key = count === 0 ? "statusNone" : count === 1 ? "statusOne" : "statusMany";
    return localDigits((input.dataset[key] || "").replace("{count}", count));
  }

  function Combobox(input) {
    this.input = input;
    this.form = document.querySelector("[data-geo-chooser]");
    this.listbox = document.getElementById(input.getAttribute("aria-controls"));
    this.status = document.getElementById(input.dataset.status);
    this.url = input.dataset.suggestUrl;
    this.results = [];
    this.active = -1;
    this.timer = 0;
    this.request = null;
    this.lastQuery = "";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.addEventListener("input", this.onInput.bind(this));
    input.addEventListener("keydown", this.onKeyDown.bind(this));
    input.addEventListener("blur", this.onBlur.bind(this));
    this.listbox.addEventListener("mousedown", function (event) { event.preventDefault(); });
    this.listbox.addEventListener("click", this.onClick.bind(this));
  }

  Combobox.prototype.onInput = function () {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(this.fetch.bind(this), DELAY_MS);
  };

  Combobox.prototype.fetch = function () {
    var query = this.input.value.trim();
    if (query === this.lastQuery) return;
    this.lastQuery = query;
    if (this.request) this.request.abort();
    if (query.length < MIN_LENGTH) {
      this.show([], false);
      return;
    }
    var self = this;
    var controller = new AbortController();
    this.request = controller;
    fetch(this.url + "?q=" + encodeURIComponent(query), {
      headers: { Accept: "application/json" },
      signal: controller.signal,
      credentials: "same-origin",
    })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { self.show(data.results || [], true); })
      .catch(function (error) { if (error.name !== "AbortError") self.show([], false); });
  };

  Combobox.prototype.show = function (results, announce) {
    var listbox = this.listbox;
    var baseId = listbox.id + "-option-";
    this.results = results;
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    while (listbox.firstChild) listbox.removeChild(listbox.firstChild);
    results.forEach(function (result, index) {
      var option = document.createElement("li");
      option.id = baseId + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.className = "geo-combobox__option";
      option.dataset.index = String(index);
      var name = document.createElement("span");
      name.className = "geo-combobox__name";
      name.textContent = result.label;
      var detail = document.createElement("span");
      detail.className = "geo-combobox__detail";
      detail.textContent = result.level_label + " · " + localDigits(result.code);
      option.appendChild(name);
      option.appendChild(detail);
      listbox.appendChild(option);
    });
    var open = results.length > 0;
    listbox.hidden = !open;
    this.input.setAttribute("aria-expanded", open ? "true" : "false");
    if (announce && this.status) this.status.textContent = statusText(this.input, results.length);
  };

  Combobox.prototype.close = function () {
    this.listbox.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    this.active = -1;
  };

  Combobox.prototype.isOpen = function () {
    return !this.listbox.hidden && this.results.length > 0;
  };

  Combobox.prototype.highlight = function (index) {
    var options = this.listbox.querySelectorAll("[role=option]");
    if (!options.length) return;
    this.active = (index + options.length) % options.length;
    for (var i = 0; i < options.length; i++) {
      options[i].setAttribute("aria-selected", i === this.active ? "true" : "false");
    }
    var current = options[this.active];
    this.input.setAttribute("aria-activedescendant", current.id);
    if (current.scrollIntoView) current.scrollIntoView({ block: "nearest" });
  };

  Combobox.prototype.onKeyDown = function (event) {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!this.isOpen()) {
          this.show(this.results, false);
          if (!this.results.length) return;
        }
        this.highlight(this.active + 1);
        break;
      case "ArrowUp":
        if (!this.isOpen()) return;
        event.preventDefault();
        this.highlight(this.active - 1);
        break;
      case "Enter":
        // With no suggestion active, Enter submits the search form as without JavaScript.
        if (this.isOpen() && this.active >= 0) {
          event.preventDefault();
          this.pick(this.results[this.active]);
        }
        break;
      case "Escape":
        if (this.isOpen()) {
          event.preventDefault();
          this.close();
        } else if (this.input.value) {
          event.preventDefault();
          this.input.value = "";
          this.lastQuery = "";
        }
        break;
      default:
        break;
    }
  };

  Combobox.prototype.onBlur = function () {
    this.close();
  };

  Combobox.prototype.onClick = function (event) {
    var option = event.target.closest("[role=option]");
    if (option) this.pick(this.results[+option.dataset.index]);
  };

  /* Submit the chained-selects form with the codes from the province down to the area. */
  Combobox.prototype.pick = function (result) {
    this.input.value = result.name;
    this.close();
    var form = this.form;
    if (!form) {
      window.location.assign(result.url);
      return;
    }
    var code = result.code;
    LEVELS.forEach(function (name, index) {
      var value = code.length >= 2 * (index + 1) ? code.slice(0, 2 * (index + 1)) : "";
      var field = form.elements.namedItem(name);
      if (field && field.tagName === "SELECT") {
        if (value && !field.querySelector("option[value='" + value + "']")) {
          field.appendChild(new Option(value, value));
        }
        field.value = value;
      } else if (value) {
        var hidden = document.createElement("input");
        hidden.type = "hidden";
        hidden.name = name;
        hidden.value = value;
        form.appendChild(hidden);
      }
    });
    var picked = document.createElement("input");
    picked.type = "hidden";
    picked.name = "picked";
    picked.value = "1";
    form.appendChild(picked);
    form.submit();
  };

  var box = document.querySelector("[data-geo-suggest]");
  if (box && window.fetch && window.AbortController) new Combobox(box);
})();
