// The opened page highlights a searched word with an apostrophe ("children's") whole. Material's
// highlighter cannot: it looks for the query in the page's text escaped as HTML, where ' is &#39;.
// Either apostrophe in the query marks either on the page, as the search itself finds both.
// A hyphenated word ("CP-IS") comes with a non-breaking hyphen (the search worker's
// search-worker.js names it so, which Material's highlighter never matches, as it would mark each
// part), and is marked whole, written with any hyphen.
(() => {
  const query = new URLSearchParams(location.search).get("h")
  const article = document.querySelector("article")
  if (!query || !article) return
  const APOSTROPHES = "'\u2019"
  const HYPHENS = "\\-\u2010\u2011"
  const words = query.split(/\s+/).filter(word => new RegExp(`\\w[${APOSTROPHES}\u2011]\\w`).test(word))
  if (!words.length) return
  const either = new RegExp(`[${APOSTROPHES}]`, "g")
  const escaped = word => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(either, `[${APOSTROPHES}]`).replace(/\u2011/g, `[${HYPHENS}]`)
  // A capturing group, so splitting a text at the words keeps them, at the odd places.
  const wanted = new RegExp(`(?<![\\w${APOSTROPHES}${HYPHENS}])(${words.map(escaped).join("|")})(?![\\w${APOSTROPHES}${HYPHENS}])`, "i")
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT)
  const found = []
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (wanted.test(node.textContent)) found.push(node)
  }
  for (const node of found) {
    node.replaceWith(...node.textContent.split(wanted).map((part, index) => {
      if (index % 2 === 0) return part
      const mark = document.createElement("mark")
      mark.dataset.mdHighlight = ""
      mark.textContent = part
      return mark
    }))
  }
})()
