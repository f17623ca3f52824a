/* Search page, progressive enhancement only: the form works without this file.
   Ticking a box or choosing another order submits the form at once; the "Apply filters"
   button is then not needed, so it is hidden, and a hint says results change on their own.
   After the reload, focus returns to the control that was changed. */
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form || !form.requestSubmit && !form.submit) { return; }
  var KEY = "exchange-search-focus";

  var apply = form.querySelector("[data-search-apply]");
  if (apply) { apply.hidden = true; }
  var hint = form.querySelector("[data-search-hint]");
  if (hint) { hint.hidden = false; }

  // Empty fields and the default order say nothing: left out, the address stays short and
  // matches the links the page builds. Back/forward restores the page as it was left, so
  // the fields are given back.
  form.addEventListener("submit", function () {
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.disabled || field.type === "submit") { return; }
      var value = (field.value || "").trim();
      if (value === "" || (field.name === "sort" && value === "relevance")) {
        field.disabled = true;
        field.setAttribute("data-search-emptied", "");
      }
    });
  });
  window.addEventListener("pageshow", function () {
    Array.prototype.forEach.call(form.querySelectorAll("[data-search-emptied]"), function (field) {
      field.disabled = false;
      field.removeAttribute("data-search-emptied");
    });
  });

  form.addEventListener("change", function (event) {
    var target = event.target;
    if (!(target.type === "checkbox" || target.id === "search-sort")) { return; }
    try { window.sessionStorage.setItem(KEY, target.id); } catch (e) { /* private mode */ }
    // A new filter or order starts again at the first page (the form carries no page).
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  });

  try {
    var id = window.sessionStorage.getItem(KEY);
    window.sessionStorage.removeItem(KEY);
    var previous = id && document.getElementById(id);
    if (previous) {
      // On a phone the filters are folded: unfold the ones around the control first.
      for (var el = previous.parentElement; el; el = el.parentElement) {
        if (el.tagName === "DETAILS") { el.open = true; }
      }
      previous.focus();
    }
  } catch (e) { /* storage unavailable: focus stays at the top */ }
})();
