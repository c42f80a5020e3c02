// Typesets the .math elements that the server leaves in lesson prose (see MathExtractor.java).
import katex from 'katex';
import 'katex/dist/katex.min.css';

function typeset(root: HTMLElement) {
  root.querySelectorAll<HTMLElement>('.math').forEach((element) => {
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
  });
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
  update();
  // The formula's own size changes when KaTeX's fonts arrive, without the box resizing.
  const observer = new ResizeObserver(update);
  observer.observe(element);
  if (element.firstElementChild) {
    observer.observe(element.firstElementChild);
  }
  document.fonts.ready.then(update);
}

const w = window as any;
w.Vaadin = w.Vaadin || {};
w.Vaadin.Flow = w.Vaadin.Flow || {};
w.Vaadin.Flow.energylabMath = { typeset };
