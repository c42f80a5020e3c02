package org.energylab.base;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * Rendered Markdown whose {@code .math} elements are typeset by KaTeX in the browser. The HTML comes
 * from our Markdown renderer, which escapes any raw HTML a lesson contains.
 */
@Tag("div")
@NpmPackage(value = "katex", version = "0.16.22")
@JsModule("./components/math/typeset.ts")
public class MathProse extends Component implements HasStyle {

    public MathProse(String html) {
        getElement().setProperty("innerHTML", html);
        addClassName("prose");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        getElement().executeJs("window.Vaadin.Flow.energylabMath.typeset(this)");
    }
}
