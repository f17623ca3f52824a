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
    if (previous) { previous.focus(); }
  } catch (e) { /* storage unavailable: focus stays at the top */ }
})();
