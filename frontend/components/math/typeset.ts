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
  });
}

const w = window as any;
w.Vaadin = w.Vaadin || {};
w.Vaadin.Flow = w.Vaadin.Flow || {};
w.Vaadin.Flow.energylabMath = { typeset };
