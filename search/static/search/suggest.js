/* The header's search box as a type-ahead: a chosen suggestion opens its page. */
document.querySelectorAll("[data-search-suggest]").forEach((input) => {
  if (!window.SalaCombobox) return;
  new SalaCombobox(input, {
    render: (option, result) => (option.textContent = result.title),
    pick: (result) => window.location.assign(result.url),
  });
});
