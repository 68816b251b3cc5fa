/* Progressive enhancement of the residents' search page: the plain GET form keeps working
   without this script; with it, filters, chips and pages update in place, the result count is
   announced by the one live region (role="status"), focus and open disclosures stay as they
   were, the sort order applies when chosen with the pointer or confirmed from the keyboard (Enter,
   or leaving the list) rather than on every arrow key, and titles are suggested. On phones the
   filters' panel closes after "Show n results", and moves focus to the results. */
(function () {
  "use strict";
  var form = document.getElementById("paieskos-forma");
  if (!form || !window.fetch || !window.DOMParser || !window.history.pushState) return;
  document.documentElement.classList.add("js");
  var REGIONS = ["filtrai-turinys", "rezultatai"];
  var TEXTS = ["filtru-mygtukas", "rodyti-rezultatus"];  // only their words change
  var STATUS = "rezultatu-skaicius";
  var panel = document.getElementById("filtrai");
  var wide = window.matchMedia("(min-width: 50rem)");

  function fitPanel() { if (panel) panel.open = wide.matches; }
  fitPanel();
  wide.addEventListener("change", fitPanel);

  function formUrl() {
    var params = new URLSearchParams(new FormData(form));
    params.forEach(function (value, key) { if (!value) params.delete(key); });
    var query = params.toString();
    return form.action + (query ? "?" + query : "");
  }

  function disclosureStates() {
    var states = {};
    form.querySelectorAll("details[id]").forEach(function (element) {
      states[element.id] = element.open;
    });
    return states;
  }

  var swapping = false;  // a focused control that is replaced loses focus: no change of mind
  function swap(fresh) {
    swapping = true;
    var status = document.getElementById(STATUS), freshStatus = fresh.getElementById(STATUS);
    REGIONS.forEach(function (id) {
      var current = document.getElementById(id), replacement = fresh.getElementById(id);
      if (current && replacement) current.replaceWith(replacement);
    });
    TEXTS.forEach(function (id) {
      var current = document.getElementById(id), replacement = fresh.getElementById(id);
      if (current && replacement) current.textContent = replacement.textContent;
    });
    var placeholder = document.getElementById(STATUS);
    if (status && placeholder && placeholder !== status && freshStatus) {
      placeholder.replaceWith(status);
      status.textContent = freshStatus.textContent;
    }
    swapping = false;
  }

  function update(url, push) {
    form.setAttribute("aria-busy", "true");
    return fetch(url, { headers: { Accept: "text/html" } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var focusedId = document.activeElement && document.activeElement.id;
        var states = disclosureStates();
        swap(fresh);
        Object.keys(states).forEach(function (id) {
          var element = document.getElementById(id);
          if (element) element.open = states[id];
        });
        document.title = fresh.title;
        if (push) window.history.pushState(null, "", url);
        var focused = focusedId && document.getElementById(focusedId);
        if (focused) focused.focus();
        else if (focusedId) document.getElementById("rezultatai").focus();
      })
      .catch(function () { window.location.href = url; })
      .finally(function () { form.removeAttribute("aria-busy"); });
  }

  function showResults() {
    if (wide.matches || !panel) return;
    panel.open = false;
    document.getElementById("rezultatai").focus();
  }

  // The sort order: a pointer's choice applies at once; keyboard arrows only move the choice,
  // which applies on Enter or when focus leaves the list.
  var sortByKeyboard = false;
  function sortChanged(select) {
    var applied = select.querySelector("option[selected]");
    return select.value !== (applied ? applied.value : select.options[0].value);
  }
  form.addEventListener("keydown", function (event) {
    if (event.target.id !== "sort") return;
    if (event.key === "Enter") {
      event.preventDefault();
      if (sortChanged(event.target)) update(formUrl(), true);
    } else {
      sortByKeyboard = true;
    }
  });
  form.addEventListener("pointerdown", function (event) {
    if (event.target.id === "sort") sortByKeyboard = false;
  });
  form.addEventListener("focusout", function (event) {
    if (!swapping && event.target.id === "sort" && sortChanged(event.target)) {
      update(formUrl(), true);
    }
  });

  form.addEventListener("change", function (event) {
    if (event.target.matches("input[type=checkbox]")) update(formUrl(), true);
    else if (event.target.id === "sort" && !sortByKeyboard) update(formUrl(), true);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var applying = event.submitter && event.submitter.id === "rodyti-rezultatus";
    update(formUrl(), true).then(function () { if (applying) showResults(); });
  });
  if (panel) {
    panel.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || wide.matches || !panel.open) return;
      panel.open = false;
      panel.querySelector("summary").focus();
    });
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-enhance]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    link.blur();
    update(link.href, true).then(function () { document.getElementById("rezultatai").focus(); });
  });
  window.addEventListener("popstate", function () { update(window.location.href, false); });

  var input = document.getElementById("q"), list = document.getElementById("pasiulymai");
  var timer = null;
  if (input && list) {
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        if (input.value.trim().length < 2) { list.replaceChildren(); return; }
        var params = new URLSearchParams({ q: input.value, lang: form.dataset.language });
        if (form.dataset.municipality) params.set("municipality", form.dataset.municipality);
        fetch(form.dataset.suggestUrl + "?" + params.toString())
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) {
            list.replaceChildren.apply(list, data.results.map(function (item) {
              var option = document.createElement("option");
              option.value = item.title;
              return option;
            }));
          })
          .catch(function () { list.replaceChildren(); });
      }, 250);
    });
  }
})();
