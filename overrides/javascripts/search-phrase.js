// Search by a phrase: Material ranks a result by its words wherever they are, so a section
// whose title or text has the words apart can rank above the paragraph that holds them
// together, and Enter opens the best-ranked result. When a query of several words matches a
// result's text as a phrase, that result ranks first (its score, which Enter follows, and its
// place in the list, with the results of its page, unfolded); results with the phrase keep
// Material's order among themselves.
(() => {
  const query = document.querySelector(".md-search__input")
  const list = document.querySelector(".md-search-result__list")
  if (!query || !list) return
  const PHRASE_BONUS = 1e9  // above any score Material gives
  // As the index spells words: typographic apostrophes as typed ones, spaces and case folded.
  const plain = text => text.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, " ").trim().toLowerCase()

  const rank = () => {
    const phrase = plain(query.value)
    if (!phrase.includes(" ")) return
    for (const link of list.querySelectorAll(".md-search-result__link")) {
      const article = link.firstElementChild
      if (!article || article.dataset.phraseRanked) continue
      article.dataset.phraseRanked = "true"
      // The text shown under the title: the paragraph or section itself, not its title.
      const text = [...article.querySelectorAll("p")].map(p => p.textContent).join(" ")
      if (plain(text).includes(phrase)) {
        article.dataset.mdScore = String(PHRASE_BONUS + parseFloat(article.dataset.mdScore || "0"))
        article.dataset.phrase = "true"
        // Material folds a page's lesser results under "more on this page" before this runs:
        // unfold them, so the result that holds the phrase is shown, not hidden under its page.
        const more = link.closest("details")
        if (more) more.open = true
      }
    }
    const withPhrase = [...list.children].filter(item => item.querySelector("[data-phrase]"))
    withPhrase.forEach((item, index) => {
      if (list.children[index] !== item) list.insertBefore(item, list.children[index])
    })
  }
  new MutationObserver(rank).observe(list, { childList: true })
})()
