package org.energylab.chart;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import java.util.List;

/**
 * A chart's data as an HTML table (see {@link ChartText#table}): a caption, column headers, and
 * the first cell of each row as its row header. It scrolls inside a bounded box, which keyboard
 * users reach with Tab.
 */
public class ChartTableView extends Div {

    public ChartTableView() {
        addClassName("chart-table-view");
        getElement().setAttribute("tabindex", "0");
        getElement().setAttribute("role", "region");
    }

    /** Shows {@code table}, replacing what was shown. */
    public void show(ChartText.Table table) {
        getElement().removeAllChildren();
        getElement().setAttribute("aria-label", table.caption());
        Element html = new Element("table");
        html.getClassList().add("chart-table");
        html.appendChild(new Element("caption").setText(table.caption()));
        Element headRow = new Element("tr");
        for (String header : table.headers()) {
            Element th = new Element("th").setAttribute("scope", "col").setText(header);
            // Column titles are short quantities with units: keep each on one line.
            th.getStyle().set("white-space", "nowrap");
            headRow.appendChild(th);
        }
        html.appendChild(new Element("thead").appendChild(headRow));
        Element body = new Element("tbody");
        for (List<String> row : table.rows()) {
            Element tr = new Element("tr");
            for (int i = 0; i < row.size(); i++) {
                Element cell = i == 0 ? new Element("th").setAttribute("scope", "row") : new Element("td");
                tr.appendChild(cell.setText(row.get(i)));
            }
            body.appendChild(tr);
        }
        html.appendChild(body);
        getElement().appendChild(html);
    }
}
