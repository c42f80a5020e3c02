// Typesets the .math elements that the server leaves in lesson prose (see MathExtractor.java).
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { whenIdle } from '../idle';

// A lesson holds a few hundred formulas, nearly all of them below the fold. Typesetting them all at
// once kept the browser busy for about a second while the page loaded, delaying everything after it
// (the page's first exchanges with the server among them). Formulas on screen or within a screen of
// it are typeset as soon as the browser has laid the page out, before they are shown (untypeset
// ones are hidden by lesson-prose.css); the rest are typeset in document order, in short slices
// whenever the browser has nothing else to do (within a second at the latest), or at once when they
// are scrolled near.
const SLICE_MS = 20;
const queue: HTMLElement[] = [];
const queued = new WeakSet<HTMLElement>();
let head = 0;
let scheduled = false;

const near = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        render(entry.target as HTMLElement);
      }
    }
  },
  { rootMargin: '100% 0px' },
);

function typeset(root: HTMLElement) {
  root.querySelectorAll<HTMLElement>('.math').forEach((element) => {
    if (!element.dataset.typeset && !queued.has(element)) {
      queued.add(element);
      queue.push(element);
      near.observe(element);
    }
  });
  if (!scheduled && head < queue.length) {
    scheduled = true;
    whenIdle(drain);
  }
}

function drain(idle?: IdleDeadline) {
  scheduled = false;
  const start = performance.now();
  const more = () =>
    idle && !idle.didTimeout ? idle.timeRemaining() > 1 : performance.now() - start < SLICE_MS;
  while (head < queue.length) {
    render(queue[head++]);
    if (!more()) {
      break;
    }
  }
  if (head < queue.length) {
    scheduled = true;
    whenIdle(drain);
  } else {
    queue.length = 0;
    head = 0;
  }
}

function render(element: HTMLElement) {
  queued.delete(element);
  near.unobserve(element);
  if (element.dataset.typeset) {
    return;
  }
  const tex = element.textContent ?? '';
  katex.render(tex, element, {
    displayMode: element.classList.contains('math-display'),
    throwOnError: false,
    output: 'htmlAndMathml',
  });
  element.dataset.typeset = 'true';
  element.title = '';
  if (element.classList.contains('math-display')) {
    keyboardScrollable(element);
  }
}

// A display equation larger than its box scrolls; keyboard users reach it with Tab
// (then scroll with the arrow keys), as WCAG 2.1.1 asks of scrollable regions.
function keyboardScrollable(element: HTMLElement) {
  const update = () => {
    // overflow-x: auto makes overflow-y auto too, so a formula a few pixels taller than its box
    // scrolls vertically as well.
    if (element.scrollWidth > element.clientWidth || element.scrollHeight > element.clientHeight) {
      element.tabIndex = 0;
      element.setAttribute('role', 'group');
      element.setAttribute('aria-label', 'Equation (scrolls)');
    } else {
      element.removeAttribute('tabindex');
      element.removeAttribute('role');
      element.removeAttribute('aria-label');
    }
  };
  // Sizes are read only in the observer's callbacks, which come after the browser's own layout:
  // reading them right after typesetting forced a layout of the whole page per equation, about a
  // third of a second on a lesson. Observing reports each element once to begin with.
  const observer = new ResizeObserver(update);
  const observe = () => {
    observer.observe(element);
    if (element.firstElementChild) {
      observer.observe(element.firstElementChild);
    }
  };
  observe();
  // The formula's own size changes when KaTeX's fonts arrive, without the box resizing: observing
  // again brings a fresh report.
  document.fonts.ready.then(() => {
    observer.disconnect();
    observe();
  });
}

const w = window as any;
w.Vaadin = w.Vaadin || {};
w.Vaadin.Flow = w.Vaadin.Flow || {};
w.Vaadin.Flow.energylabMath = { typeset };
