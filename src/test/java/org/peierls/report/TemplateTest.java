package org.peierls.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The page template: every placeholder filled verbatim, a missing or a stray value refused. */
class TemplateTest {

    private static Map<String, String> values(Template t, String value) {
        Map<String, String> v = new TreeMap<>();
        t.placeholders().forEach(p -> v.put(p, value));
        return v;
    }

    @Test
    void thePageTemplateFillsEveryPlaceholderVerbatim() {
        Template t = Template.resource("index.html");
        assertTrue(t.placeholders().containsAll(java.util.List.of("title", "rows", "galleries", "timings")), t.placeholders().toString());
        String page = t.fill(values(t, "$1 \\ <x>"));
        assertTrue(page.contains("<title>$1 \\ <x></title>"), "values are not regex replacements and are not escaped here");
        assertEquals(-1, page.indexOf("{{"));
    }

    @Test
    void aMissingOrStrayValueIsRefused() {
        Template t = Template.resource("index.html");
        Map<String, String> v = values(t, "");
        v.remove("title");
        assertThrows(IllegalArgumentException.class, () -> t.fill(v));
        Map<String, String> w = values(t, "");
        w.put("titel", "");
        assertThrows(IllegalArgumentException.class, () -> t.fill(w));
    }

    @Test
    void escapingCoversElementsAndAttributes() {
        assertEquals("a&lt;b &amp; &quot;c&quot; &gt;", Html.esc("a<b & \"c\" >"));
        assertEquals("—", Html.fmt(Double.NaN));
        assertEquals("262.6", Html.fmt(262.6));
        assertEquals("2.600", Html.fmt(2.6));
        assertEquals("1.23e-05", Html.fmt(1.23e-5));
    }
}
