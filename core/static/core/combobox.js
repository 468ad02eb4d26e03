/* The type-ahead of the header and "choose your area"; see docs/architecture.md. */
window.SalaCombobox = class {
  constructor(input, options) {
    if (!window.AbortController) return;
    Object.assign(this, options, { input, results: [], query: "" });
    this.listbox = document.getElementById(input.getAttribute("aria-controls"));
    this.status = document.getElementById(input.dataset.status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    this.close();
    input.addEventListener("input", () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.fetch(), 150);
    });
    input.addEventListener("keydown", (event) => this.onKey(event));
    input.addEventListener("blur", () => this.close());
    this.listbox.addEventListener("mousedown", (event) => event.preventDefault());
    this.listbox.addEventListener("click", (event) => {
      const option = event.target.closest("[role=option]");
      if (option) this.choose(option.dataset.index);
    });
  }

  static localDigits(text) {
    if (!document.documentElement.lang.startsWith("km")) return text;
    return String(text).replace(/\d/g, (d) => String.fromCharCode(0x17e0 + +d));
  }

  fetch() {
    const query = this.input.value.trim();
    if (query === this.query) return;
    this.query = query;
    if (this.request) this.request.abort();
    if (query.length < 2) return this.show([]);
    this.request = new AbortController();
    const url = this.input.dataset.suggestUrl;
    fetch(url + (url.includes("?") ? "&" : "?") + "q=" + encodeURIComponent(query), {
      headers: { Accept: "application/json" },
      signal: this.request.signal,
    })
      .then((response) => (response.ok ? response.json() : {}))
      .then((data) => this.show(data.results || [], true))
      .catch((error) => error.name === "AbortError" || this.show([]));
  }

  show(results, announce) {
    const { input, listbox, status } = this;
    const count = results.length;
    const data = input.dataset;
    const text = count ? (count === 1 && data.statusOne) || data.statusMany : data.statusNone;
    this.results = results;
    this.close();
    listbox.replaceChildren(
      ...results.map((result, index) => {
        const option = document.createElement("li");
        option.id = listbox.id + "-option-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.index = index;
        this.render(option, result);
        return option;
      }),
    );
    this.expand(count > 0);
    if (status) {
      status.textContent = announce ? SalaCombobox.localDigits(text.replace("{count}", count)) : "";
    }
  }

  expand(open) {
    this.listbox.hidden = !open;
    this.input.setAttribute("aria-expanded", open);
  }

  close() {
    this.expand(false);
    this.input.removeAttribute("aria-activedescendant");
    this.active = -1;
  }

  highlight(index) {
    const options = [...this.listbox.children];
    this.active = (index + options.length) % options.length;
    options.forEach((option, i) => option.setAttribute("aria-selected", i === this.active));
    this.input.setAttribute("aria-activedescendant", options[this.active].id);
    options[this.active].scrollIntoView({ block: "nearest" });
  }

  onKey(event) {
    const key = event.key;
    const open = !this.listbox.hidden;
    if (key === "ArrowDown" && this.results.length) {
      this.expand(true);
      this.highlight(this.active + 1);
    } else if (key === "ArrowUp" && open) {
      this.highlight(Math.max(this.active, 0) - 1);
    } else if (key === "Enter" && this.active >= 0) {
      // With no suggestion active, Enter submits the form as without JavaScript.
      this.choose(this.active);
    } else if (key === "Escape" && open) {
      this.close();
    } else if (key === "Escape" && this.input.value) {
      this.input.value = this.query = "";
      this.show([]);
    } else {
      return;
    }
    event.preventDefault();
  }

  choose(index) {
    this.close();
    this.pick(this.results[index]);
  }
};
