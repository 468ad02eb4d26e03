/* The header's search box as a type-ahead (ARIA 1.2 combobox with a listbox).
   Enhancement only: without this file the box is a plain form that opens the results page.
   Picking a suggestion opens it; Enter without a pick searches as before. No inline script
   or style: the CSP forbids both. */
(function () {
  "use strict";

  var MIN_LENGTH = 2;
  var DELAY_MS = 150;

  function Combobox(input) {
    this.input = input;
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
    input.addEventListener("blur", this.close.bind(this));
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
      this.show([]);
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
      .then(function (data) { self.show(data.results || []); })
      .catch(function (error) { if (error.name !== "AbortError") self.show([]); });
  };

  Combobox.prototype.show = function (results) {
    var listbox = this.listbox;
    this.results = results;
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    while (listbox.firstChild) listbox.removeChild(listbox.firstChild);
    results.forEach(function (result, index) {
      var option = document.createElement("li");
      option.id = listbox.id + "-option-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.index = String(index);
      option.textContent = result.title;
      listbox.appendChild(option);
    });
    var open = results.length > 0;
    listbox.hidden = !open;
    this.input.setAttribute("aria-expanded", open ? "true" : "false");
    if (this.status) {
      var key = results.length === 0 ? "statusNone" : "statusSome";
      this.status.textContent = this.lastQuery.length >= MIN_LENGTH
        ? (this.input.dataset[key] || "").replace("{count}", results.length) : "";
    }
  };

  Combobox.prototype.close = function () {
    this.listbox.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    this.active = -1;
  };

  Combobox.prototype.highlight = function (index) {
    var options = this.listbox.querySelectorAll("[role=option]");
    options.forEach(function (option, i) {
      option.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    this.active = index;
    if (index >= 0) this.input.setAttribute("aria-activedescendant", options[index].id);
    else this.input.removeAttribute("aria-activedescendant");
  };

  Combobox.prototype.onKeyDown = function (event) {
    var count = this.results.length;
    if (this.listbox.hidden || !count) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      this.highlight((this.active + 1) % count);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      this.highlight(this.active <= 0 ? count - 1 : this.active - 1);
    } else if (event.key === "Enter" && this.active >= 0) {
      event.preventDefault();
      window.location.assign(this.results[this.active].url);
    } else if (event.key === "Escape") {
      this.close();
    }
  };

  Combobox.prototype.onClick = function (event) {
    var option = event.target.closest("[role=option]");
    if (option) window.location.assign(this.results[+option.dataset.index].url);
  };

  document.querySelectorAll("[data-search-suggest]").forEach(function (input) {
    new Combobox(input);
  });
})();
