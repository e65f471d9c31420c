/* Refresh the first page of the queue every 10 seconds without reloading the page. */
(function () {
  var rows = document.getElementById("queue-rows"), url = rows && rows.getAttribute("data-refresh");
  if (!url || !window.fetch) return;
  setInterval(function () {
    if (document.hidden) return;
    fetch(url, {credentials: "same-origin", headers: {"X-Requested-With": "fetch"}})
      .then(function (r) { if (!r.ok) throw r; return r.text(); })
      .then(function (html) { if (html !== rows.innerHTML) rows.innerHTML = html; })
      .catch(function () {});
  }, 10000);
})();
