/* Progressive enhancement only: every link works without this. "Load more" appends the
   next page in place; "Copy link" copies the canonical URL. */
document.addEventListener("click", function (e) {
  var a = e.target.closest && e.target.closest("a[data-more], a[data-copy]");
  if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
  if (a.hasAttribute("data-copy")) {
    if (!navigator.clipboard) return;
    e.preventDefault();
    navigator.clipboard.writeText(a.href).then(function () { a.textContent = "Link copied"; });
    return;
  }
  var list = document.getElementById(a.getAttribute("data-more")), box = a.parentNode;
  if (!list || !window.fetch) return;
  e.preventDefault();
  a.textContent = "Loading…";
  fetch(a.href + "&fragment=1").then(function (r) { if (!r.ok) throw r; return r.text(); }).then(function (html) {
    var t = document.createElement("template"), next;
    t.innerHTML = html;
    next = t.content.querySelector("a[data-more]");
    if (next) { next.setAttribute("data-more", list.id); next = next.parentNode; next.remove(); }
    list.append(t.content);
    if (next) box.replaceWith(next); else box.remove();
    history.replaceState(null, "", a.href);
  }).catch(function () { location.href = a.href; });
});
