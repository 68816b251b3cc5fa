/* Progressive enhancement of the residents' search page: the plain GET form keeps working
   without this script; with it, filters, sort, chips and pages update in place, the result
   count is announced (role="status"), focus stays where it was, and titles are suggested. */
(function () {
  "use strict";
  var form = document.getElementById("paieskos-forma");
  if (!form || !window.fetch || !window.DOMParser || !window.history.pushState) return;
  document.documentElement.classList.add("js");
  var REGIONS = ["filtrai-turinys", "rezultatai"];

  function formUrl() {
    var params = new URLSearchParams(new FormData(form));
    params.forEach(function (value, key) { if (!value) params.delete(key); });
    var query = params.toString();
    return form.action + (query ? "?" + query : "");
  }

  function openDetails() {
    return Array.prototype.map.call(form.querySelectorAll("details[open][id]"),
                                    function (element) { return element.id; });
  }

  function update(url, push) {
    var focusedId = document.activeElement && document.activeElement.id;
    var opened = openDetails();
    form.setAttribute("aria-busy", "true");
    return fetch(url, { headers: { Accept: "text/html" } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        REGIONS.forEach(function (id) {
          var current = document.getElementById(id), replacement = fresh.getElementById(id);
          if (current && replacement) current.replaceWith(replacement);
        });
        opened.forEach(function (id) {
          var element = document.getElementById(id);
          if (element) element.open = true;
        });
        document.title = fresh.title;
        if (push) window.history.pushState(null, "", url);
        var focused = focusedId && document.getElementById(focusedId);
        if (focused) focused.focus();
      })
      .catch(function () { window.location.href = url; })
      .finally(function () { form.removeAttribute("aria-busy"); });
  }

  form.addEventListener("change", function (event) {
    if (event.target.matches("input[type=checkbox], select")) update(formUrl(), true);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update(formUrl(), true);
  });
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
