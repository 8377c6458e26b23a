// Material's script (mkdocs-material 9.8.1; committee_paper/material/version.py) that opens the content tab
// a link's #fragment names, as its partials/javascripts/content.html has it inline; here from a
// file, for the server's Content-Security-Policy (no 'unsafe-inline').
(() => {
  const target = document.getElementById(location.hash.slice(1))
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_")
})()
