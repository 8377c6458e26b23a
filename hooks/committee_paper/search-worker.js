// Put before Material's search worker by stages/theming.py (the site's
// assets/javascripts/workers/search-every-word.js, which the pages' __config names instead of
// Material's). Before it, so that this script hears each query first: Material answers in the
// microtasks that follow its own listener. Material sets up lunr (self.lunr) after this script.
(() => {
  // Every word of a query must be in a result: Material asks lunr for any of them, so a query of
  // several words listed every page holding one. A stop word ("and") stays optional: the index
  // leaves stop words out, so requiring one would find nothing.
  let required = false
  const requireEveryWord = ({ Index, Query, QueryParser, stopWordFilter }) => {
    Index.prototype.search = function (queryString) {
      return this.query(query => {
        new QueryParser(queryString, query).parse()
        for (const clause of query.clauses) {
          const word = clause.term.replace(/\*$/, "")
          if (clause.presence === Query.presence.OPTIONAL && stopWordFilter(word))
            clause.presence = Query.presence.REQUIRED
        }
      })
    }
    required = true
  }

  // A hyphenated word of the query ("CP-IS") is searched as its parts, as lunr splits it. The
  // page a result opens highlights the query's words (its "h" parameter, made from each result's
  // terms), and Material's highlighter splits at hyphens too, marking every "is". So a result
  // holding all the parts names the word whole among its terms, written with a non-breaking
  // hyphen (U+2011), which Material's highlighter never matches in a page's text and
  // javascripts/search-highlight.js marks whole, with either hyphen.
  const NON_BREAKING = "\u2011"
  let hyphenated = []
  addEventListener("message", ({ data }) => {
    if (!required) requireEveryWord(self.lunr)
    if (typeof data?.data === "string")  // a query, as Material sends it
      hyphenated = data.data.toLowerCase().split(/\s+/).filter(word => /^[^-]+(-[^-]+)+$/.test(word))
  })
  const post = self.postMessage.bind(self)
  self.postMessage = (message, ...rest) => {
    const { stopWordFilter } = self.lunr
    for (const group of message?.data?.items ?? [])
      for (const item of group)
        for (const word of hyphenated) {
          const parts = word.split("-")
          // Each part found, or a stop word the search leaves out ("is" of "CP-IS").
          if (!parts.every(part => item.terms[part] || stopWordFilter(part) === undefined)) continue
          if (!parts.some(part => item.terms[part])) continue
          for (const part of parts) delete item.terms[part]
          item.terms[parts.join(NON_BREAKING)] = true
        }
    post(message, ...rest)
  }
})()
