// The phone menu (Material's drawer) for keyboard and screen reader users. The header's menu
// button (overrides/partials/header.html) opens and closes the drawer by its checkbox, as
// Material's own controls do, and says whether it is open (aria-expanded). On narrow screens,
// where the drawer slides in over the page: while it is closed, its links take no Tab stop
// (they are off screen); while it is open, the rest of the page takes none, focus goes to the
// drawer's first link, and Escape closes it and returns focus to the button.
// On the desktop, where the drawer is the sidebar, it keeps the way back to the cover in view.
(() => {
  const button = document.querySelector(".paper-menu-button")
  const toggle = document.getElementById("__drawer")
  const drawer = document.querySelector(".md-sidebar--primary")
  if (!button || !toggle || !drawer) return
  drawer.id ||= "paper-drawer"
  button.setAttribute("aria-controls", drawer.id)
  // Material's breakpoint for the drawer (its CSS hides the menu button from this width up).
  const narrow = window.matchMedia("(max-width: 76.234375em)")
  let outside = []

  // Every element beside the path from <body> to the kept elements: the rest of the page.
  const around = kept => {
    const found = new Set()
    for (const element of kept) {
      for (let node = element; node.parentElement && node !== document.body; node = node.parentElement) {
        for (const sibling of node.parentElement.children) {
          if (!kept.some(k => sibling.contains(k))) found.add(sibling)
        }
      }
    }
    return [...found]
  }

  const update = () => {
    const open = toggle.checked && narrow.matches
    button.setAttribute("aria-expanded", String(open))
    drawer.inert = narrow.matches && !toggle.checked
    for (const element of outside) element.inert = false
    outside = open ? around([button, drawer]) : []
    for (const element of outside) element.inert = true
  }

  const setOpen = open => {
    if (toggle.checked === open) return
    toggle.checked = open
    toggle.dispatchEvent(new Event("change"))  // Material follows the checkbox's change event
  }

  button.addEventListener("click", () => {
    setOpen(!toggle.checked)
    if (!toggle.checked) return
    const shown = [...drawer.querySelectorAll("a[href], button, [tabindex]:not([tabindex='-1'])")]
    shown.find(element => element.getClientRects().length)?.focus()
  })
  toggle.addEventListener("change", () => {
    const hadFocus = drawer.contains(document.activeElement)
    update()
    if (!toggle.checked && hadFocus) button.focus()
  })
  document.addEventListener("keydown", event => {
    if (event.key === "Escape" && toggle.checked && narrow.matches) {
      setOpen(false)
      button.focus()
    }
  })
  narrow.addEventListener("change", update)
  update()

  // On the desktop, Material scrolls the sidebar to put the current page's entry in its middle,
  // which can hide the entries above it, the cover's first. Scrolled no further than it takes
  // to show that entry, the sidebar keeps the way back to the cover in view whenever both fit.
  const wrap = drawer.querySelector(".md-sidebar__scrollwrap")
  const showFromTheTop = () => {
    const active = [...drawer.querySelectorAll(".md-nav__link--active[href]")].find(link => link.clientHeight)
    if (narrow.matches || !wrap || !active) return
    const bottom = active.getBoundingClientRect().bottom - wrap.getBoundingClientRect().top + wrap.scrollTop
    wrap.scrollTop = Math.min(wrap.scrollTop, Math.max(0, bottom - wrap.clientHeight))
  }
  // After Material's own scrolling, which waits for the first frame after the page's layout.
  window.addEventListener("load", () => requestAnimationFrame(() => requestAnimationFrame(showFromTheTop)))
})()
