/* Abbreviations' expansions, shown while an abbreviation is pointed at, focused or tapped.
   One tooltip for the page, placed under the abbreviation and kept inside the screen, so
   nothing scrolls sideways (WCAG 1.4.10); it stays while the pointer is over it and Escape
   hides it (WCAG 1.4.13). The title attribute stays for screen readers; it is lifted only
   while the pointer is on the abbreviation, so the browser's own tooltip does not cover ours. */
(() => {
  const GAP = 8; // px kept clear of the screen's edges
  const HIDE_DELAY = 300; // ms to move the pointer from the abbreviation onto the tooltip
  const tip = document.createElement("div");
  tip.className = "abbr-expansion";
  tip.id = "abbr-expansion";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  document.body.append(tip);

  let current = null;
  let pointed = false;
  let hideTimer = 0;

  const expansion = abbr => abbr.title || abbr.dataset.expansion;

  function place(abbr) {
    const box = abbr.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    tip.style.maxWidth = `${Math.min(320, width - 2 * GAP)}px`;
    const left = Math.max(GAP, Math.min(box.left, width - GAP - tip.offsetWidth));
    tip.style.left = `${left + window.scrollX}px`;
    // Under the abbreviation, or over it when it is so low on the screen that the tooltip would not show.
    const below = box.bottom + tip.offsetHeight <= window.innerHeight || box.top < tip.offsetHeight;
    tip.style.top = `${(below ? box.bottom : box.top - tip.offsetHeight) + window.scrollY}px`;
  }

  function show(abbr) {
    clearTimeout(hideTimer);
    if (current && current !== abbr) current.removeAttribute("aria-describedby");
    current = abbr;
    tip.textContent = expansion(abbr);
    tip.hidden = false;
    abbr.setAttribute("aria-describedby", tip.id);
    place(abbr);
  }

  function hide() {
    clearTimeout(hideTimer);
    tip.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }

  function hideUnlessHeld() {
    if (!pointed && current !== document.activeElement) hide();
  }

  document.addEventListener("pointerover", event => {
    const abbr = event.target.closest("abbr[title], abbr[data-expansion]");
    if (abbr) {
      if (abbr.title) {
        abbr.dataset.expansion = abbr.title;
        abbr.removeAttribute("title");
      }
      pointed = true;
      show(abbr);
    } else if (event.target === tip || tip.contains(event.target)) {
      pointed = true;
      clearTimeout(hideTimer);
    }
  });
  document.addEventListener("pointerout", event => {
    const abbr = event.target.closest("abbr[data-expansion]");
    const onTip = event.target === tip || tip.contains(event.target);
    if (!abbr && !onTip) return;
    if (abbr && !abbr.title) abbr.title = abbr.dataset.expansion;
    pointed = false;
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hideUnlessHeld, HIDE_DELAY);
  });
  document.addEventListener("focusin", event => {
    const abbr = event.target.closest && event.target.closest("abbr[title], abbr[data-expansion]");
    if (abbr) show(abbr);
  });
  document.addEventListener("focusout", event => {
    if (event.target === current) setTimeout(hideUnlessHeld, 0);
  });
  document.addEventListener("keydown", event => {
    if (event.key === "Escape" && !tip.hidden) {
      pointed = false;
      hide();
    }
  });
  window.addEventListener("resize", () => current && place(current));
})();
