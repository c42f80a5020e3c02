// The entry point of the browser side: Vaadin's client router, with every route served by the
// server-side (Flow) views. Vaadin generates an equivalent file when this one is absent; this one
// adds three things, described below: the page takes no input until the router has placed it, the
// frame's drawer opens and closes here, and a closed select's list does not measure the page.
import { Router } from '@vaadin/router';
import { Flow } from 'Frontend/generated/jar-resources/Flow.js';

// The page arrives with its view already built (eager server load), so the view is on screen a
// moment before the client router has taken it over. When the router then places the view, a field
// that had the focus loses it without its change being sent, and what was typed is lost. Until the
// router has placed the view, it takes no input; a timeout makes sure the page never stays locked.
const outlet = document.querySelector('#outlet');
const release = () => outlet?.removeAttribute('inert');
outlet?.setAttribute('inert', '');
window.addEventListener('vaadin-router-location-changed', release, { once: true });
window.addEventListener('vaadin-router-error', release, { once: true });
setTimeout(release, 10_000);

const { serverSideRoutes } = new Flow({
  imports: () => import('Frontend/generated/flow/generated-flow-imports.js'),
});

const router = new Router(outlet);
router.setRoutes([...serverSideRoutes]);

// The frame's drawer (MainLayout), handled here so that showing and hiding it costs no request.
// Beside the page on a wide screen it starts shown; over the page on a narrow or low screen it
// starts hidden, takes the focus when it opens, and closes again with Escape, a click beside it or
// a chosen link. The frame's drawer="open" or drawer="closed" records the reader's choice.
const overlay = window.matchMedia('(max-width: 800px), (max-height: 600px)');
const frame = () => document.querySelector<HTMLElement>('.app-frame');
const drawerShown = (f: HTMLElement) =>
  f.getAttribute('drawer') === 'open' || (!overlay.matches && f.getAttribute('drawer') !== 'closed');

function syncDrawer(f: HTMLElement) {
  const shown = drawerShown(f);
  f.querySelector('.drawer-toggle')?.setAttribute('aria-expanded', String(shown));
  // An open drawer over the page is the only thing that takes input, as a dialog would be.
  const covering = shown && overlay.matches;
  f.querySelectorAll(':scope > .app-bar, :scope > .app-content').forEach((e) => e.toggleAttribute('inert', covering));
}

function showDrawer(f: HTMLElement, show: boolean, moveFocus: boolean) {
  f.setAttribute('drawer', show ? 'open' : 'closed');
  syncDrawer(f);
  if (moveFocus) {
    const target = show
      ? (f.querySelector<HTMLElement>('.app-drawer a[aria-current="page"]') ?? f.querySelector<HTMLElement>('.app-drawer a'))
      : f.querySelector<HTMLElement>('.drawer-toggle');
    target?.focus();
  }
}

document.addEventListener('click', (event) => {
  const f = frame();
  const target = event.target as Element | null;
  if (!f || !target) {
    return;
  }
  if (target.closest('.drawer-toggle')) {
    showDrawer(f, !drawerShown(f), overlay.matches);
  } else if (overlay.matches && drawerShown(f) && (target.closest('.app-drawer a') || !target.closest('.app-drawer'))) {
    showDrawer(f, false, false);
  }
});

document.addEventListener('keydown', (event) => {
  const f = frame();
  if (event.key === 'Escape' && f && overlay.matches && drawerShown(f)) {
    showDrawer(f, false, true);
  }
});

overlay.addEventListener('change', () => {
  const f = frame();
  if (f) {
    f.removeAttribute('drawer');
    syncDrawer(f);
  }
});

window.addEventListener('vaadin-router-location-changed', () => {
  const f = frame();
  if (f) {
    syncDrawer(f);
  }
});

// A select's list of options is built with the page while its overlay is closed. On each selection it
// measures itself to bring the selected option into view (the list box's _scrollToItem): a layout of
// the whole page for every select, in the middle of building the page, to scroll a list nobody sees.
// Lesson 1.1's six selects spent about 120 ms of its build there. While closed, the list is left
// alone; an open list still scrolls to its option, which takes the focus as the list opens.
customElements.whenDefined('vaadin-select-list-box').then((listBox) => {
  type ListBox = HTMLElement & { _scrollToItem(index: number): void };
  const prototype = listBox.prototype as ListBox;
  const scrollToItem = prototype._scrollToItem;
  prototype._scrollToItem = function (this: ListBox, index: number) {
    const selectOverlay = this.closest<HTMLElement & { opened?: boolean }>('vaadin-select-overlay');
    if (selectOverlay === null || selectOverlay.opened) {
      scrollToItem.call(this, index);
    }
  };
});
