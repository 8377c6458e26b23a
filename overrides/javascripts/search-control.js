// Search's control by keyboard. Material opens search when its box takes focus, and Escape closes
// it and leaves focus nowhere (on <body>). Here Escape returns focus to the control that opens
// search: the box itself where it shows in the header, else the header's search button (phones),
// which Material does not have (its control there is a label, with no Tab stop). A button that
// says "search" elsewhere on a page (the 404 page's) opens search too, and the search form's
// submit button moves focus to the results.
(() => {
  const toggle = document.getElementById("__search")
  const box = document.querySelector(".md-search__input")
  const button = document.querySelector(".paper-search-button")
  if (!toggle || !box) return
  let quiet = false  // focus given back to the box, which must not open search again

  const open = () => {
    toggle.checked = true
    toggle.dispatchEvent(new Event("change"))  // Material follows the checkbox's change event
    box.focus()
  }
  for (const opener of [button, ...document.querySelectorAll(".paper-search-open")]) {
    opener?.addEventListener("click", open)
  }

  // The form's submit button (partials/search.html) moves focus to the first result.
  box.form?.addEventListener("submit", event => {
    event.preventDefault()  // the results are on this page already; nothing to send
    document.querySelector(".md-search-result__link")?.focus()
  })

  // Before Material's own handler (capture), which closes search and drops focus.
  window.addEventListener("keydown", event => {
    if (event.key !== "Escape" || !toggle.checked) return
    const control = button && button.getClientRects().length ? button : box
    setTimeout(() => {
      quiet = control === box
      control.focus()
      quiet = false
    })
  }, true)
  // Material opens search on the box's focus: not when focus comes back to it after Escape.
  window.addEventListener("focus", event => {
    if (quiet && event.target === box) event.stopImmediatePropagation()
  }, true)
  // Typing in the box, once it has focus back, opens search again.
  box.addEventListener("keydown", event => {
    if (!toggle.checked && event.key.length === 1) open()
  })
})()
