// The filter above a vocabulary's checkbox list (pages.widgets.FilterableCheckboxSelectMultiple):
// as the editor types, only the options whose label holds every typed word stay in view,
// whatever the case and diacritics ("seniu" finds "Senių", "seimos" finds "šeimos"), and the
// ticked ones; the live region next to the field tells how many are shown.
(() => {
  "use strict";

  const FILTER = "[data-vocabulary-filter-input]";

  // Lower case without diacritics: NFD splits "ų" into "u" and a combining mark, dropped here.
  const folded = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();

  const narrow = (input) => {
    const list = document.getElementById(input.getAttribute("aria-controls"));
    const words = folded(input.value).split(/\s+/).filter(Boolean);
    const checkboxes = list.querySelectorAll("input[type=checkbox]");
    let shown = 0;
    checkboxes.forEach((checkbox) => {
      const option = checkbox.closest("label").parentElement;
      const label = folded(option.textContent);
      const visible = checkbox.checked || words.every((word) => label.includes(word));
      option.hidden = !visible;
      shown += visible ? 1 : 0;
    });
    const status = input.closest("[data-vocabulary-filter]").querySelector("[role=status]");
    status.textContent = input.dataset.countText
      .replace("{shown}", String(shown))
      .replace("{total}", String(checkboxes.length));
  };

  // Typing in the filter is no edit of the page: its events stop here, in the capture phase,
  // before the form's unsaved-changes and autosave watchers hear them.
  document.addEventListener("input", (event) => {
    if (event.target.matches(FILTER)) {
      event.stopPropagation();
      narrow(event.target);
    }
  }, true);
  document.addEventListener("change", (event) => {
    if (event.target.matches(FILTER)) {
      event.stopPropagation();
    }
  }, true);
  // Enter in the filter would submit the page form.
  document.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target.matches(FILTER)) {
      event.preventDefault();
    }
  });
})();
