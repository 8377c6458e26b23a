// The opened page highlights a searched word with an apostrophe ("children's") whole. Material's
// highlighter cannot: it looks for the query in the page's text escaped as HTML, where ' is &#39;.
// Either apostrophe in the query marks either on the page, as the search itself finds both.
(() => {
  const query = new URLSearchParams(location.search).get("h")
  const article = document.querySelector("article")
  if (!query || !article) return
  const APOSTROPHES = "'\u2019"
  const words = query.split(/\s+/).filter(word => new RegExp(`\\w[${APOSTROPHES}]\\w`).test(word))
  if (!words.length) return
  const either = new RegExp(`[${APOSTROPHES}]`, "g")
  const escaped = word => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(either, `[${APOSTROPHES}]`)
  // A capturing group, so splitting a text at the words keeps them, at the odd places.
  const wanted = new RegExp(`(?<![\\w${APOSTROPHES}])(${words.map(escaped).join("|")})(?![\\w${APOSTROPHES}])`, "i")
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
