// Material's helpers (mkdocs-material 9.8.1; committee_paper/material/version.py) for what it remembers in
// the browser's storage (its bundle calls them), as its partials/javascripts/base.html defines them
// inline; here from a file, so the server's Content-Security-Policy needs no 'unsafe-inline'. The
// scope comes from the script tag.
__md_scope = new URL(document.currentScript.dataset.scope, location)
__md_hash = (text) => [...text].reduce((hash, char) => (hash << 5) - hash + char.charCodeAt(0), 0)
__md_get = (key, storage = localStorage, scope = __md_scope) => JSON.parse(storage.getItem(scope.pathname + "." + key))
__md_set = (key, value, storage = localStorage, scope = __md_scope) => {
  try {
    storage.setItem(scope.pathname + "." + key, JSON.stringify(value))
  } catch (error) {
    // Storage full or blocked: nothing is remembered, as in Material's own
  }
}
