// The hint under an empty search result (in every page's partials/search.html):
// shown only while a typed query has found nothing. Material's arrow keys move through every
// link in the search results, so the hint's link has an href only while the hint shows.
(() => {
  const hint = document.querySelector(".search-hint")
  if (!hint) return
  const link = hint.querySelector("a[href]")
  const href = link.getAttribute("href")
  const query = document.querySelector(".md-search__input")
  const list = document.querySelector(".md-search-result__list")
  const update = () => {
    const nothing = query.value.trim() !== "" && list.childElementCount === 0
    hint.hidden = !nothing
    if (nothing) link.setAttribute("href", href)
    else link.removeAttribute("href")
  }
  // Material writes the result count, then the results, each time a query is answered.
  const observer = new MutationObserver(update)
  observer.observe(list.parentElement, { childList: true, characterData: true, subtree: true })
  update()
})()
